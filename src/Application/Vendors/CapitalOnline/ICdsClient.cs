using System.Text.Json.Nodes;

namespace Kboss.Application.Vendors.CapitalOnline;

/// <summary>Capital Online API families and their paths under the API host (analysis/vendors.md §4.6).</summary>
public enum CdsFamily
{
    /// <summary>私有网络 <c>/vpc/</c> (host cdsapi.capitalonline.net): POST with a JSON body.</summary>
    Network,
    /// <summary>云服务器 <c>/ecs/v1/</c>.</summary>
    Ecs,
    /// <summary>Images <c>/ecs/v1.1/</c> (DescribeImages).</summary>
    EcsImages,
    /// <summary>Cloud disks <c>/ebs/v1/</c> (DescribeDiskQuota).</summary>
    Ebs,
    /// <summary>安全组 <c>/sg/v1/</c>: GET for Describe*, POST JSON otherwise.</summary>
    SecurityGroup,
}

/// <summary>One CDS action: where it goes, how, and whether it only reads (only those are ever retried).</summary>
/// <param name="Family">API family (path).</param>
/// <param name="Name">The <c>Action</c> query value.</param>
/// <param name="ReadOnly">True for Describe* and other reads.</param>
/// <param name="Get">True when sent as GET with the parameters in the query; else POST with a JSON body.</param>
public sealed record CdsAction(CdsFamily Family, string Name, bool ReadOnly, bool Get = false);

/// <summary>The actions kboss uses (public capitalonline/openapi documents; analysis/vendors.md §3.6–§3.8).</summary>
public static class CdsActions
{
    private static CdsAction Read(string name) => new(CdsFamily.Network, name, ReadOnly: true);
    private static CdsAction Change(string name) => new(CdsFamily.Network, name, ReadOnly: false);

    public static readonly CdsAction DescribeVpc = Read("DescribeVPC");
    public static readonly CdsAction CreateVpc = Change("CreateVPC");
    public static readonly CdsAction DeleteVpc = Change("DeleteVPC");
    public static readonly CdsAction DescribeSubnet = Read("DescribeSubnet");
    public static readonly CdsAction CreateSubnet = Change("CreateSubnet");
    public static readonly CdsAction DeleteSubnet = Change("DeleteSubnet");
    public static readonly CdsAction DescribeVirtualGateway = Read("DescribeVirtualGateWay");
    public static readonly CdsAction CreateVirtualGateway = Change("CreateVirtualGateWay");
    public static readonly CdsAction DeleteVirtualGateway = Change("DeleteVirtualGateWay");
    public static readonly CdsAction DescribeEip = Read("DescribeEIP");
    public static readonly CdsAction CreateEip = Change("CreateEIP");
    public static readonly CdsAction DeleteEip = Change("DeleteEIP");
    public static readonly CdsAction DescribeBandwidth = Read("DescribeBandwidth");
    public static readonly CdsAction CreateBandwidth = Change("CreateBandwidth");
    public static readonly CdsAction DeleteBandwidth = Change("DeleteBandwidth");
    public static readonly CdsAction DescribeIpInfo = Read("DescribeIPInfo");
    public static readonly CdsAction DescribeSubnetIp = Read("DescribeSubnetIp");
    public static readonly CdsAction DescribePrice = new(CdsFamily.Ecs, "DescribePrice", ReadOnly: true);
    // Capital Online network, EIPs and bandwidth (issue 14)
    public static readonly CdsAction UpdateEip = Change("UpdateEIP");
    public static readonly CdsAction BindEip = Change("BindEIP");
    public static readonly CdsAction UnbindEip = Change("UnbindEIP");
    public static readonly CdsAction UpdateBandwidth = Change("UpdateBandwidth");
    public static readonly CdsAction BandwidthAddEip = Change("BandwidthAddEIP");
    public static readonly CdsAction BandwidthRemoveEip = Change("BandwidthRemoveEIP");
    public static readonly CdsAction NetEipInfo = Read("NetEIPInfo");
    public static readonly CdsAction ReserveIpAndBindEip = Change("ReserveIPAndBindEIP");
    public static readonly CdsAction BandwidthBillingScheme = Read("VPCBandWidthBillingScheme");
    public static readonly CdsAction BandwidthUnitPrice = Read("VPCBandWidthUnitPrice");
    // ECS/GPU hosts (issue 14, module 28): DescribePrice above; GET for the plain describes, POST JSON otherwise
    public static readonly CdsAction DescribeRegions = new(CdsFamily.Ecs, "DescribeRegions", true, Get: true);
    public static readonly CdsAction DescribeEcsFamilyInfo =
        new(CdsFamily.Ecs, "DescribeEcsFamilyInfo", true, Get: true);
    public static readonly CdsAction DescribeImages = new(CdsFamily.EcsImages, "DescribeImages", true, Get: true);
    public static readonly CdsAction DescribeDiskQuota = new(CdsFamily.Ebs, "DescribeDiskQuota", true, Get: true);
    public static readonly CdsAction DescribeInstanceList = new(CdsFamily.Ecs, "DescribeInstanceList", true, Get: true);
    public static readonly CdsAction DescribeInstance = new(CdsFamily.Ecs, "DescribeInstance", true, Get: true);
    public static readonly CdsAction DescribeInstanceStatus = new(CdsFamily.Ecs, "DescribeInstanceStatus", true);
    public static readonly CdsAction DescribeEvent = new(CdsFamily.Ecs, "DescribeEvent", true, Get: true);
    public static readonly CdsAction DescribeInstanceMonitor = new(CdsFamily.Ecs, "DescribeInstanceMonitor", true);
    public static readonly CdsAction DescribeAccountSubject =
        new(CdsFamily.Ecs, "DescribeAccountSubject", true, Get: true);
    public static readonly CdsAction CreateInstance = new(CdsFamily.Ecs, "CreateInstance", false);
    public static readonly CdsAction OperateInstance = new(CdsFamily.Ecs, "OperateInstance", false);
    public static readonly CdsAction DeleteInstance = new(CdsFamily.Ecs, "DeleteInstance", false);
    public static readonly CdsAction ModifyInstancePassword = new(CdsFamily.Ecs, "ModifyInstancePassword", false);
    public static readonly CdsAction ModifyInstanceName = new(CdsFamily.Ecs, "ModifyInstanceName", false);
    public static readonly CdsAction CreateImage = new(CdsFamily.Ecs, "CreateImage", false);
    public static readonly CdsAction DeleteImage = new(CdsFamily.Ecs, "DeleteImage", false);
    public static readonly CdsAction SyncImage = new(CdsFamily.Ecs, "SyncImage", false);
    public static readonly CdsAction DescribeInstanceVncUrl =
        new(CdsFamily.Ecs, "DescribeInstanceVncUrl", true, Get: true);
    public static readonly CdsAction DescribeZoneInstanceType =
        new(CdsFamily.Ecs, "DescribeZoneInstanceType", true, Get: true);
    // Security groups (issue 14, module 27): /sg/v1/, GET for Describe*, POST JSON otherwise
    private static CdsAction SgRead(string name) => new(CdsFamily.SecurityGroup, name, ReadOnly: true, Get: true);
    private static CdsAction SgChange(string name) => new(CdsFamily.SecurityGroup, name, ReadOnly: false);
    public static readonly CdsAction DescribeSecurityGroups = SgRead("DescribeSecurityGroups");
    public static readonly CdsAction CreateSecurityGroup = SgChange("CreateSecurityGroup");
    public static readonly CdsAction ModifySecurityGroupAttribute = SgChange("ModifySecurityGroupAttribute");
    public static readonly CdsAction DeleteSecurityGroup = SgChange("DeleteSecurityGroup");
    public static readonly CdsAction CreateSecurityGroupPolicies = SgChange("CreateSecurityGroupPolicies");
    public static readonly CdsAction DescribeSecurityGroupPolicies = SgRead("DescribeSecurityGroupPolicies");
    public static readonly CdsAction DeleteSecurityGroupPolicies = SgChange("DeleteSecurityGroupPolicies");
    public static readonly CdsAction ModifySecurityGroupPolicies = SgChange("ModifySecurityGroupPolicies");
    public static readonly CdsAction AssociateSecurityGroups = SgChange("AssociateSecurityGroups");
    public static readonly CdsAction DisassociateSecurityGroups = SgChange("DisassociateSecurityGroups");
    public static readonly CdsAction ModifySecurityGroupsPriority = SgChange("ModifySecurityGroupsPriority");
    public static readonly CdsAction DescribeSecurityGroupAssociationStatistics =
        SgRead("DescribeSecurityGroupAssociationStatistics");
}

/// <summary>What CDS answered to a successful call.</summary>
/// <param name="Data">The <c>Data</c> member (any shape; null when absent).</param>
/// <param name="TaskId">Top-level <c>TaskId</c>, when sent.</param>
public sealed record CdsAnswer(JsonNode? Data, string? TaskId);

/// <summary>
/// Port of Capital Online's OpenAPI (analysis/vendors.md §4.6): one signed call of an action with the
/// operator's key. Never throws for a vendor error or a transport failure (see <see cref="VendorResult{T}"/>);
/// retries only read-only actions. Implemented in Infrastructure (HMAC-SHA1 RPC signature, typed HttpClient).
/// </summary>
public interface ICdsClient
{
    /// <summary>Calls <paramref name="action"/> with <paramref name="parameters"/> (the JSON body of a POST, the
    /// query of a GET).</summary>
    Task<VendorResult<CdsAnswer>> SendAsync(VendorKey key, CdsAction action, JsonObject parameters,
        CancellationToken ct);
}
