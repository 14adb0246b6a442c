using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>
/// CDS-VPC-05 <c>GET /capital/create_subnet.dspy</c> 创建一个子网: CDS CreateSubnet in a live VPC the caller may act
/// on; the subnet belongs to the VPC's org. <c>data</c> = CDS's <c>Data</c> (<c>{SubnetIdList, TaskIdList}</c>).
/// spec: 26-capital-online-vpc.md; analysis/vendors.md §3.6.
/// </summary>
public sealed record CreateSubnet : ICommand<Reply<JsonObject>>
{
    /// <summary>VPC id.</summary>
    [JsonPropertyName("VPCId")] public string? VpcId { get; init; }
    /// <summary>Name.</summary>
    [JsonPropertyName("SubnetName")] public string? SubnetName { get; init; }
    /// <summary>CIDR inside the VPC's.</summary>
    [JsonPropertyName("SubnetSegment")] public string? SubnetSegment { get; init; }
    /// <summary>Zone.</summary>
    [JsonPropertyName("AvailableZoneCode")] public string? AvailableZoneCode { get; init; }
}

public sealed class CreateSubnetValidator : AbstractValidator<CreateSubnet>
{
    public CreateSubnetValidator()
    {
        RuleFor(x => x.VpcId).Id();
        RuleFor(x => x.SubnetName).Required().MaxChars(CdsRules.NameMax).NoControlChars();
        RuleFor(x => x.SubnetSegment).Cidr();
        RuleFor(x => x.AvailableZoneCode).Id();
    }
}

public sealed class CreateSubnetHandler(CdsService cds) : ICommandHandler<CreateSubnet, Reply<JsonObject>>
{
    /// <summary>The VPC is not live (creating, deleting, failed).</summary>
    public const string VpcNotReadyMessage = "VPC当前状态不允许创建子网";

    public async ValueTask<Reply<JsonObject>> Handle(CreateSubnet c, CancellationToken ct)
    {
        var vpc = await cds.LoadOwnedAsync(CdsResourceTypes.Vpc, c.VpcId, ct);
        if (vpc.State != OutsideStates.Live) throw BusinessException.Conflict(VpcNotReadyMessage);
        var key = await cds.KeyForAsync(vpc.OrgId, ct);
        var zone = c.AvailableZoneCode.Trimmed();
        var body = new JsonObject
        {
            ["VPCId"] = vpc.VendorId,
            ["SubnetList"] = new JsonArray(new JsonObject
            {
                ["AvailableZoneCode"] = zone, ["SubnetName"] = c.SubnetName.Trimmed(),
                ["SubnetSegment"] = c.SubnetSegment.Trimmed(),
            }),
        };
        var row = cds.NewRow(CdsResourceTypes.Subnet, vpc.OrgId, key, vpc.RegionCode, zone, c.SubnetName.Trimmed(),
            vpc.VendorId);
        var answer = await cds.CreateAsync(row, key, CdsActions.CreateSubnet, body,
            a => VendorJson.Strings(VendorJson.Get(a.Data, "SubnetIdList"), "SubnetId").FirstOrDefault(), ct);
        return Reply.Ok(answer.Message ?? "创建成功", CdsReplies.WithTask(answer.Data!));
    }
}
