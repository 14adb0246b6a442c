using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Lease;

/// <summary>
/// <c>POST /lease/update_store.dspy</c> 更新仓库: partial update of a store the caller manages; a rename follows into
/// its devices' <c>store_name</c> in the same save. Messages: <c>仓库不存在</c>, <c>仓库名称已存在</c>.
/// spec: 15-server-lease.md; lease.md §3A.16.
/// </summary>
public sealed record UpdateStore : StoreFieldsRequest, ICommand<Reply<LeaseStoreRow>>
{
    /// <summary>仓库id.</summary>
    public string? Id { get; init; }
}

public sealed class UpdateStoreValidator : AbstractValidator<UpdateStore>
{
    public UpdateStoreValidator()
    {
        RuleFor(x => x.Id).Required().MaxChars(32);
        Include(new StoreFieldsValidator());
    }
}

public sealed class UpdateStoreHandler(IKbossDbContext db, LeaseAccess access)
    : ICommandHandler<UpdateStore, Reply<LeaseStoreRow>>
{
    /// <summary>Unknown or foreign store.</summary>
    public const string NotFound = "仓库不存在";

    public async ValueTask<Reply<LeaseStoreRow>> Handle(UpdateStore c, CancellationToken ct)
    {
        var store = await db.LeaseStores.FirstOrDefaultAsync(s => s.Id == c.Id.Trimmed(), ct);
        if (store is null || !await access.ManagesAsync(store.OrgId, ct)) throw BusinessException.NotFound(NotFound);
        var oldName = store.Name;
        StoreMapper.Apply(c, store);
        if (store.Name != oldName)
            foreach (var device in await db.LeaseServers.Where(s => s.StoreId == store.Id).ToListAsync(ct))
                device.StoreName = store.Name;
        await StoreMapper.SaveAsync(db, store, ct);
        return Reply.Ok("更新仓库成功", LeaseStoreRow.From(store));
    }
}
