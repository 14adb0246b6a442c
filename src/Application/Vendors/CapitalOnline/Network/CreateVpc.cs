using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>
/// CDS-VPC-02 <c>GET /capital/create_vpc.dspy</c> 创建一个VPC: CDS CreateVPC with its first subnet (CDS requires
/// one). The VPC is owned by <c>orgid</c> (default the caller's; an operator may name a customer it owns, §6 #23);
/// the VPC row is reserved <c>pending</c> and becomes live with its id, the subnets CDS created with it get rows.
/// <c>SubnetSegment</c> must lie inside <c>VPCSegment</c>. <c>data</c> = CDS's <c>Data</c>
/// (<c>{VPCId, SubnetIdList, SubnetTaskId}</c>) plus <c>TaskId</c>; <c>msg</c> = CDS's message.
/// spec: 26-capital-online-vpc.md; analysis/vendors.md §3.6.
/// </summary>
public sealed record CreateVpc : ICommand<Reply<JsonObject>>, IOrgScoped
{
    /// <summary>Owner org (not documented; an operator acting for a customer).</summary>
    public string? Orgid { get; set; }
    /// <summary>Region.</summary>
    [JsonPropertyName("RegionCode")] public string? RegionCode { get; init; }
    /// <summary>VPC name.</summary>
    [JsonPropertyName("VPCName")] public string? VpcName { get; init; }
    /// <summary>VPC CIDR.</summary>
    [JsonPropertyName("VPCSegment")] public string? VpcSegment { get; init; }
    /// <summary><c>auto</c> or <c>manual</c> (default manual).</summary>
    [JsonPropertyName("VPCSegmentType")] public string? VpcSegmentType { get; init; }
    /// <summary>Carrier type (edge nodes).</summary>
    [JsonPropertyName("BandwidthType")] public string? BandwidthType { get; init; }
    /// <summary>First subnet's zone.</summary>
    [JsonPropertyName("AvailableZoneCode")] public string? AvailableZoneCode { get; init; }
    /// <summary>First subnet's name.</summary>
    [JsonPropertyName("SubnetName")] public string? SubnetName { get; init; }
    /// <summary>First subnet's CIDR.</summary>
    [JsonPropertyName("SubnetSegment")] public string? SubnetSegment { get; init; }
}

public sealed class CreateVpcValidator : AbstractValidator<CreateVpc>
{
    public CreateVpcValidator()
    {
        RuleFor(x => x.RegionCode).Id();
        RuleFor(x => x.VpcName).Required().MaxChars(CdsRules.NameMax).NoControlChars();
        RuleFor(x => x.VpcSegment).Cidr();
        RuleFor(x => x.VpcSegmentType).OneOf(["auto", "manual"]);
        RuleFor(x => x.BandwidthType).MaxChars(CdsRules.IdMax);
        RuleFor(x => x.AvailableZoneCode).Id();
        RuleFor(x => x.SubnetName).Required().MaxChars(CdsRules.NameMax).NoControlChars();
        RuleFor(x => x.SubnetSegment).Cidr();
        RuleFor(x => x.SubnetSegment).Must((x, s) => CdsRules.Within(s, x.VpcSegment))
            .When(x => CdsRules.IsCidr(x.VpcSegment) && CdsRules.IsCidr(x.SubnetSegment))
            .WithMessage("SubnetSegment必须在VPCSegment网段内");
    }
}

public sealed class CreateVpcHandler(CdsService cds) : ICommandHandler<CreateVpc, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(CreateVpc c, CancellationToken ct)
    {
        var key = await cds.KeyForAsync(c.Orgid!, ct);
        var zone = c.AvailableZoneCode.Trimmed();
        var subnetName = c.SubnetName.Trimmed();
        var body = new JsonObject
        {
            ["RegionCode"] = c.RegionCode.Trimmed(), ["VPCName"] = c.VpcName.Trimmed(),
            ["VPCSegment"] = c.VpcSegment.Trimmed(), ["VPCSegmentType"] = c.VpcSegmentType.TrimmedOrNull() ?? "manual",
            ["SubnetList"] = new JsonArray(new JsonObject
            {
                ["AvailableZoneCode"] = zone, ["SubnetName"] = subnetName, ["SubnetSegment"] = c.SubnetSegment.Trimmed(),
            }),
        };
        if (c.BandwidthType.TrimmedOrNull() is { } bandwidth) body["BandwidthType"] = bandwidth;
        var row = cds.NewRow(CdsResourceTypes.Vpc, c.Orgid!, key, c.RegionCode.Trimmed(), zone, c.VpcName.Trimmed());
        var answer = await cds.CreateAsync(row, key, CdsActions.CreateVpc, body, a => VendorJson.Str(a.Data, "VPCId"),
            ct, (a, now) =>
            {
                foreach (var subnet in VendorJson.Strings(VendorJson.Get(a.Data, "SubnetIdList"), "SubnetId"))
                    cds.AddLive(row, CdsResourceTypes.Subnet, subnet, zone, subnetName, now);
            });
        return Reply.Ok(answer.Message ?? "创建成功", CdsReplies.WithTask(answer.Data!));
    }
}
