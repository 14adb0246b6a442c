using System.Linq.Expressions;
using Kboss.Domain.MiniProgram;

namespace Kboss.Application.MiniProgram;

/// <summary>One row of <c>/kpi/user_supply.dspy</c>: the 55 documented fields in documented order.</summary>
public sealed record UserSupplyRow
{
    /// <summary>Id.</summary>
    public string Id { get; init; } = "";
    /// <summary>Creator.</summary>
    public string? Createby { get; init; }
    /// <summary>Owner user id.</summary>
    public string? Userid { get; init; }
    /// <summary>Last update (platform time).</summary>
    public DateTime? Updatetime { get; init; }
    /// <summary>Remark.</summary>
    public string? Remark { get; init; }
    /// <summary>Company id.</summary>
    public string? Companyid { get; init; }
    /// <summary>Supply title.</summary>
    public string? Supplytitle { get; init; }
    /// <summary>Description.</summary>
    public string? Supplydesc { get; init; }
    /// <summary>Supply type (rack / bandwidth / GPU / goods).</summary>
    public string? Supplytype { get; init; }
    /// <summary>Province.</summary>
    public string? Provincename { get; init; }
    /// <summary>City.</summary>
    public string? Cityname { get; init; }
    /// <summary>Rack power-supply method.</summary>
    public string? Framepowerway { get; init; }
    /// <summary>Rack power (kW).</summary>
    public string? Framepower { get; init; }
    /// <summary>Rack height (U).</summary>
    public string? Frameheight { get; init; }
    /// <summary>Rack price.</summary>
    public string? Frameprice { get; init; }
    /// <summary>Quantity offered.</summary>
    public string? Supplynum { get; init; }
    /// <summary>Supply period start.</summary>
    public string? Supplybegin { get; init; }
    /// <summary>Supply period end.</summary>
    public string? Supplyend { get; init; }
    /// <summary>End time.</summary>
    public string? Endtime { get; init; }
    /// <summary>Status.</summary>
    public string? Status { get; init; }
    /// <summary>Bandwidth carrier (电信/联通/移动).</summary>
    public string? Bwoperator { get; init; }
    /// <summary>Route type (BGP / single line).</summary>
    public string? Bwroutetype { get; init; }
    /// <summary>Bandwidth price.</summary>
    public string? Bwbandwidthprice { get; init; }
    /// <summary>Bandwidth amount.</summary>
    public string? Bwbandwidthnum { get; init; }
    /// <summary>IP price.</summary>
    public string? Bwipprice { get; init; }
    /// <summary>IP price unit.</summary>
    public string? Bwippriceunit { get; init; }
    /// <summary>IP count.</summary>
    public string? Bwipnum { get; init; }
    /// <summary>Compute capability type (training/inference).</summary>
    public string? Gpuabilitytype { get; init; }
    /// <summary>Compute offered (PFLOPS).</summary>
    public string? Gpuapplypflops { get; init; }
    /// <summary>GPU resource form.</summary>
    public string? Gpuresource { get; init; }
    /// <summary>GPU model.</summary>
    public string? Gputype { get; init; }
    /// <summary>GPU network (IB/RoCE).</summary>
    public string? Gpunet { get; init; }
    /// <summary>GPU count.</summary>
    public string? Gpunum { get; init; }
    /// <summary>Usage scenario.</summary>
    public string? Gpuoccasion { get; init; }
    /// <summary>GPU price.</summary>
    public string? Gpuprice { get; init; }
    /// <summary>Supply node id.</summary>
    public string? Supplynodeid { get; init; }
    /// <summary>Node data id.</summary>
    public string? Nodedataid { get; init; }
    /// <summary>Sort order (numeric text).</summary>
    public string? Ordernum { get; init; }
    /// <summary>Recommended flag.</summary>
    public string? Recommendstatus { get; init; }
    /// <summary>Price unit.</summary>
    public string? Priceunit { get; init; }
    /// <summary>Brand.</summary>
    public string? Brandname { get; init; }
    /// <summary>Model.</summary>
    public string? Modelname { get; init; }
    /// <summary>Info picture URL.</summary>
    public string? Infopicurl { get; init; }
    /// <summary>Goods type.</summary>
    public string? Goodstype { get; init; }
    /// <summary>Goods quantity.</summary>
    public string? Goodsnumber { get; init; }
    /// <summary>Goods price.</summary>
    public string? Goodsprice { get; init; }
    /// <summary>Goods location.</summary>
    public string? Goodsaddress { get; init; }
    /// <summary>Contact person.</summary>
    public string? Contactuser { get; init; }
    /// <summary>Contact mobile (personal data: logged-in readers only, §4.10).</summary>
    public string? Contactusermobile { get; init; }
    /// <summary>Company name.</summary>
    public string? Companyname { get; init; }
    /// <summary>Batch number.</summary>
    public string? Batchnum { get; init; }
    /// <summary>Expiry time.</summary>
    public string? Expiretime { get; init; }
    /// <summary>Arrival time.</summary>
    public string? Arrivetime { get; init; }
    /// <summary>Delete flag (null or "0": alive).</summary>
    public string? DelFlg { get; init; }
    /// <summary>Created at (platform time).</summary>
    public DateTime CreateAt { get; init; }

    /// <summary>The projection from <see cref="UserSupply"/>.</summary>
    public static readonly Expression<Func<UserSupply, UserSupplyRow>> From = x => new UserSupplyRow
    {
        Id = x.Id,
        Createby = x.Createby,
        Userid = x.Userid,
        Updatetime = x.UpdateTime,
        Remark = x.Remark,
        Companyid = x.Companyid,
        Supplytitle = x.Supplytitle,
        Supplydesc = x.Supplydesc,
        Supplytype = x.Supplytype,
        Provincename = x.Provincename,
        Cityname = x.Cityname,
        Framepowerway = x.Framepowerway,
        Framepower = x.Framepower,
        Frameheight = x.Frameheight,
        Frameprice = x.Frameprice,
        Supplynum = x.Supplynum,
        Supplybegin = x.Supplybegin,
        Supplyend = x.Supplyend,
        Endtime = x.Endtime,
        Status = x.Status,
        Bwoperator = x.Bwoperator,
        Bwroutetype = x.Bwroutetype,
        Bwbandwidthprice = x.Bwbandwidthprice,
        Bwbandwidthnum = x.Bwbandwidthnum,
        Bwipprice = x.Bwipprice,
        Bwippriceunit = x.Bwippriceunit,
        Bwipnum = x.Bwipnum,
        Gpuabilitytype = x.Gpuabilitytype,
        Gpuapplypflops = x.Gpuapplypflops,
        Gpuresource = x.Gpuresource,
        Gputype = x.Gputype,
        Gpunet = x.Gpunet,
        Gpunum = x.Gpunum,
        Gpuoccasion = x.Gpuoccasion,
        Gpuprice = x.Gpuprice,
        Supplynodeid = x.Supplynodeid,
        Nodedataid = x.Nodedataid,
        Ordernum = x.Ordernum,
        Recommendstatus = x.Recommendstatus,
        Priceunit = x.Priceunit,
        Brandname = x.Brandname,
        Modelname = x.Modelname,
        Infopicurl = x.Infopicurl,
        Goodstype = x.Goodstype,
        Goodsnumber = x.Goodsnumber,
        Goodsprice = x.Goodsprice,
        Goodsaddress = x.Goodsaddress,
        Contactuser = x.Contactuser,
        Contactusermobile = x.Contactusermobile,
        Companyname = x.Companyname,
        Batchnum = x.Batchnum,
        Expiretime = x.Expiretime,
        Arrivetime = x.Arrivetime,
        DelFlg = x.DelFlg,
        CreateAt = x.CreateAt,
    };
}

/// <summary>One row of <c>/kpi/user_demand.dspy</c>: the 23 documented fields in documented order.</summary>
public sealed record UserDemandRow
{
    /// <summary>Id.</summary>
    public string Id { get; init; } = "";
    /// <summary>Owner.</summary>
    public string? Userid { get; init; }
    /// <summary>Remark.</summary>
    public string? Remark { get; init; }
    /// <summary>Company.</summary>
    public string? Companyid { get; init; }
    /// <summary>Title.</summary>
    public string? Demandtitle { get; init; }
    /// <summary>Description.</summary>
    public string? Demanddesc { get; init; }
    /// <summary>Brand wanted.</summary>
    public string? Brandname { get; init; }
    /// <summary>Model wanted.</summary>
    public string? Modelname { get; init; }
    /// <summary>Demand type.</summary>
    public string? Demandtype { get; init; }
    /// <summary>Province.</summary>
    public string? Provincename { get; init; }
    /// <summary>City.</summary>
    public string? Cityname { get; init; }
    /// <summary>Budget.</summary>
    public string? Budgetprice { get; init; }
    /// <summary>Demand period start.</summary>
    public string? Demandbegin { get; init; }
    /// <summary>Demand period end.</summary>
    public string? Demandend { get; init; }
    /// <summary>End time.</summary>
    public string? Endtime { get; init; }
    /// <summary>Status.</summary>
    public string? Status { get; init; }
    /// <summary>Contact person.</summary>
    public string? Contactuser { get; init; }
    /// <summary>Contact mobile (personal data: logged-in readers only, §4.10).</summary>
    public string? Contactusermobile { get; init; }
    /// <summary>Sort order (numeric text).</summary>
    public string? Ordernum { get; init; }
    /// <summary>Recommended flag.</summary>
    public string? Recommendstatus { get; init; }
    /// <summary>Price unit.</summary>
    public string? Priceunit { get; init; }
    /// <summary>Delete flag (null or "0": alive).</summary>
    public string? DelFlg { get; init; }
    /// <summary>Created at (platform time).</summary>
    public DateTime CreateAt { get; init; }

    /// <summary>The projection from <see cref="UserDemand"/>.</summary>
    public static readonly Expression<Func<UserDemand, UserDemandRow>> From = x => new UserDemandRow
    {
        Id = x.Id,
        Userid = x.Userid,
        Remark = x.Remark,
        Companyid = x.Companyid,
        Demandtitle = x.Demandtitle,
        Demanddesc = x.Demanddesc,
        Brandname = x.Brandname,
        Modelname = x.Modelname,
        Demandtype = x.Demandtype,
        Provincename = x.Provincename,
        Cityname = x.Cityname,
        Budgetprice = x.Budgetprice,
        Demandbegin = x.Demandbegin,
        Demandend = x.Demandend,
        Endtime = x.Endtime,
        Status = x.Status,
        Contactuser = x.Contactuser,
        Contactusermobile = x.Contactusermobile,
        Ordernum = x.Ordernum,
        Recommendstatus = x.Recommendstatus,
        Priceunit = x.Priceunit,
        DelFlg = x.DelFlg,
        CreateAt = x.CreateAt,
    };
}

/// <summary>One row of <c>/operation/get_kyy_supply.dspy</c> (documented fields; <c>file_path</c> is the column name).
/// </summary>
/// <param name="Id">Id.</param>
/// <param name="Orgid">Owning org.</param>
/// <param name="BasicInfo">JSON object text (集群基础信息).</param>
/// <param name="ExcelInfo">HTML of the uploaded workbook (cell values HTML-escaped), or null.</param>
/// <param name="FilePath">Stored workbook path.</param>
/// <param name="Remark">备注.</param>
/// <param name="DelFlg"><c>"0"</c>.</param>
/// <param name="CreateAt">Created at (platform time).</param>
public sealed record KyySupplyRow(string Id, string Orgid, string BasicInfo, string? ExcelInfo, string? FilePath,
    string? Remark, string DelFlg, DateTime CreateAt)
{
    /// <summary>The projection from <see cref="KyySupply"/>.</summary>
    public static readonly Expression<Func<KyySupply, KyySupplyRow>> From = x =>
        new KyySupplyRow(x.Id, x.OrgId, x.BasicInfo, x.ExcelInfo, x.FilePath, x.Remark, x.DelFlg, x.CreateAt);
}

/// <summary>The reply data of an Excel conversion.</summary>
/// <param name="Id">The supply product's id.</param>
/// <param name="ExcelInfo">The HTML.</param>
public sealed record KyyExcelData(string Id, string ExcelInfo);
