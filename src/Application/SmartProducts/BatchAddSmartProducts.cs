using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Catalog;
using Mediator;

namespace Kboss.Application.SmartProducts;

/// <summary>
/// <c>POST /product_smart/batch_add_zhisuan.dspy</c> 批量添加智算产品 (analysis/catalog.md §3.6.5, §6 #28; the doc gives no
/// input): sales, operators and admins send <c>data</c>, a JSON array of product objects with the field names of
/// <c>up_smart</c> (<c>product_model</c> and <c>card_type</c> required, numbers accepted as text), in a JSON body
/// (<c>{"data": [...]}</c>) or as a form field. All or nothing: the first bad row aborts with <c>第N行数据有误: …</c>.
/// Ids are generated, the products belong to the caller's org (ADR 0017) and <c>update_date</c> is today.
/// At most <see cref="BatchAddSmartProductsHandler.MaxRows"/> rows.
/// </summary>
public sealed record BatchAddSmartProducts : ICommand<Reply<BatchAddResult>>
{
    /// <summary>JSON array of product objects (required).</summary>
    public string? Data { get; init; }
}

/// <summary>Reply data of the batch add.</summary>
/// <param name="Count">Products added.</param>
/// <param name="Ids">Their ids, in row order.</param>
public sealed record BatchAddResult(int Count, IReadOnlyList<string> Ids);

public sealed class BatchAddSmartProductsValidator : AbstractValidator<BatchAddSmartProducts>
{
    public BatchAddSmartProductsValidator() => RuleFor(x => x.Data).Required();
}

public sealed class BatchAddSmartProductsHandler(IKbossDbContext db, ICurrentUser user, IPlatformSettings settings, TimeProvider clock)
    : ICommandHandler<BatchAddSmartProducts, Reply<BatchAddResult>>
{
    /// <summary>Largest batch.</summary>
    public const int MaxRows = 1000;

    public async ValueTask<Reply<BatchAddResult>> Handle(BatchAddSmartProducts c, CancellationToken ct)
    {
        JsonArray rows;
        try
        {
            rows = JsonNode.Parse(c.Data!) as JsonArray ?? throw RequestValidationException.For("data", "data 必须是产品对象的 JSON 数组");
        }
        catch (JsonException)
        {
            throw RequestValidationException.For("data", "data 必须是产品对象的 JSON 数组");
        }
        if (rows.Count == 0) throw RequestValidationException.For("data", "data 不能为空数组");
        if (rows.Count > MaxRows) throw RequestValidationException.For("data", $"一次最多添加 {MaxRows} 条");

        var today = SmartToday.Of(settings, clock);
        var products = new List<SmartProduct>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (values, error) = SmartField.Read(rows[i]);
            if (error is not null) throw RequestValidationException.For("data", $"第{i + 1}行数据有误: {error}");
            var p = new SmartProduct { UpdateDate = today, UserId = user.UserId ?? "", OrgId = user.OrgId ?? "" };
            foreach (var (name, value) in values) SmartField.All.First(f => f.Name == name).Set(p, value);
            products.Add(p);
        }
        db.SmartProducts.AddRange(products);
        db.AuditEntries.Add(Audit.Entry(user, "smart_product.batch_add", "smart_product", products[0].Id, new { count = products.Count }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("批量添加成功", new BatchAddResult(products.Count, products.Select(p => p.Id).ToList()));
    }
}
