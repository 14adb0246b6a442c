using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Cpcc;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.Labels;

/// <summary>
/// L2 <c>POST /dev/cpcc/cpclabel/add_cpclabel.dspy</c>: adds a label to the org's catalogue. <c>symbol</c> follows from
/// <c>labeltype</c> (1 → <c>=</c>, 0 → <c>:</c>); key and value must be valid Kubernetes label syntax; a label is unique
/// per (org, labeltype, key, value) → <c>该标签已存在</c>. spec: 39-cpcc-labels.md; analysis/cpcc.md §3.C L2, §4.5.
/// </summary>
public sealed record AddLabel : ICommand<Reply<LabelDto>>, IOrgScoped
{
    /// <summary>标签名称.</summary>
    public string? Name { get; init; }
    /// <summary>0 实例标签, 1 节点标签.</summary>
    public string? Labeltype { get; init; }
    /// <summary>标签属性 (Kubernetes label key).</summary>
    public string? LabelKey { get; init; }
    /// <summary>标签属性值 (Kubernetes label value).</summary>
    public string? LabelValue { get; init; }
    /// <inheritdoc />
    public string? Orgid { get; set; }
}

public sealed class AddLabelValidator : AbstractValidator<AddLabel>
{
    public AddLabelValidator()
    {
        RuleFor(x => x.Name).Required().MaxChars(100);
        RuleFor(x => x.Labeltype).Required().OneOf([LabelTypes.Instance, LabelTypes.Node]);
        RuleFor(x => x.LabelKey).Required()
            .Must(k => string.IsNullOrWhiteSpace(k) || KubeLabelSyntax.IsKey(k.Trim()))
            .WithMessage("label_key 不是合法的标签属性(字母数字开头结尾,可含 - _ .,最长63字符,可带域名前缀/)");
        RuleFor(x => x.LabelValue).Required()
            .Must(v => string.IsNullOrWhiteSpace(v) || KubeLabelSyntax.IsValue(v.Trim()))
            .WithMessage("label_value 不是合法的标签值(字母数字开头结尾,可含 - _ .,最长63字符)");
    }
}

public sealed class AddLabelHandler(IKbossDbContext db, ICurrentUser user) : ICommandHandler<AddLabel, Reply<LabelDto>>
{
    /// <summary>Message for a duplicate label.</summary>
    public const string Duplicate = "该标签已存在";

    public async ValueTask<Reply<LabelDto>> Handle(AddLabel c, CancellationToken ct)
    {
        var label = new Label
        {
            OrgId = c.Orgid!, Name = c.Name!.Trim(), LabelType = c.Labeltype!.Trim(),
            LabelKey = c.LabelKey!.Trim(), LabelValue = c.LabelValue!.Trim(),
        };
        if (await db.Labels.AnyAsync(l => l.OrgId == label.OrgId && l.LabelType == label.LabelType
                                          && l.LabelKey == label.LabelKey && l.LabelValue == label.LabelValue, ct))
            throw BusinessException.Conflict(Duplicate);
        db.Labels.Add(label);
        db.AuditEntries.Add(Audit.Entry(user, "cpcc.label.created", "label", label.Id,
            new { orgid = label.OrgId, label.Name, label = label.Rendered }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw BusinessException.Conflict(Duplicate);
        }
        return Reply.Ok("新增资源标签成功", LabelDto.From(label));
    }
}
