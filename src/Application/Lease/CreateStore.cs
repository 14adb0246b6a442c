using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Lease;
using Mediator;

namespace Kboss.Application.Lease;

/// <summary>
/// <c>POST /lease/create_store.dspy</c> 创建仓库: a store of the caller's org. Replies <c>{"id"}</c>;
/// <c>仓库名称已存在</c> (conflict). spec: 15-server-lease.md; lease.md §3A.15.
/// </summary>
public sealed record CreateStore : StoreFieldsRequest, ICommand<Reply<LeaseIdData>>;

public sealed class CreateStoreValidator : AbstractValidator<CreateStore>
{
    public CreateStoreValidator()
    {
        RuleFor(x => x.Name).Required();
        Include(new StoreFieldsValidator());
    }
}

public sealed class CreateStoreHandler(IKbossDbContext db, LeaseAccess access)
    : ICommandHandler<CreateStore, Reply<LeaseIdData>>
{
    public async ValueTask<Reply<LeaseIdData>> Handle(CreateStore c, CancellationToken ct)
    {
        var store = new LeaseStore { OrgId = access.OrgId, UserId = access.UserId };
        StoreMapper.Apply(c, store);
        db.LeaseStores.Add(store);
        await StoreMapper.SaveAsync(db, store, ct);
        return Reply.Ok("创建仓库成功", new LeaseIdData(store.Id));
    }
}
