using System.Text.RegularExpressions;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Cpcc.InstanceConfigs;
using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;
using Mediator;

namespace Kboss.Application.Pcapi;

/// <summary>
/// P9 <c>POST /pcapi/api/v1/cluster/common/yaml_apply_delete</c> (HTTP Basic): renders the instance's Kubernetes objects
/// from the parameters and applies (<c>action=apply</c>) or deletes (<c>action=delete</c>) them with <c>kubeconfig</c>,
/// exactly as K6/K8/K9 do. The names must be the derived ones of §4.8 (<c>podcd_name</c> = id-engine,
/// <c>service_name</c> = id-service, <c>serviceaccount_name</c> = namespace-serviceaccount). The SSH parameters
/// (<c>host</c>, <c>port</c>, <c>user</c>, <c>psssword</c>) are accepted and unused: the Kubernetes API needs none.
/// Answers <c>operate success</c> / <c>operate failed</c>. spec: 36-cpcc-pcapi.md; analysis/cpcc.md §3.H P9.
/// </summary>
public sealed record YamlApplyDelete : ICommand<PcapiReply>, IInstanceConfigFields
{
    /// <summary>集群类型.</summary>
    public string? ClusterType { get; init; }
    /// <summary>主机地址 (unused).</summary>
    public string? Host { get; init; }
    /// <summary>端口 (unused).</summary>
    public string? Port { get; init; }
    /// <summary>用户名 (unused).</summary>
    public string? User { get; init; }
    /// <summary>密码 (unused; the documented spelling).</summary>
    public string? Psssword { get; init; }
    /// <summary>集群上下文.</summary>
    public string? Kubeconfig { get; init; }
    /// <summary><c>apply</c> or <c>delete</c>.</summary>
    public string? Action { get; init; }
    /// <summary>命名空间名称.</summary>
    public string? NamespaceName { get; init; }
    /// <summary>命名空间服务认证名称.</summary>
    public string? ServiceaccountName { get; init; }
    /// <summary>Pod引擎名称 (controller name).</summary>
    public string? PodcdName { get; init; }
    /// <summary>资源服务名称.</summary>
    public string? ServiceName { get; init; }
    /// <inheritdoc />
    public string? Clusterid { get; init; }
    /// <summary>算力中心ID.</summary>
    public string? Cpcid { get; init; }
    /// <inheritdoc />
    public string? SourceName { get; init; }
    /// <inheritdoc />
    public string? InstanceType { get; init; }
    /// <inheritdoc />
    public string? SourceReplicasetnum { get; init; }
    /// <inheritdoc />
    public string? SourceAuthuser { get; init; }
    /// <inheritdoc />
    public string? SourceAuthpasswd { get; init; }
    /// <inheritdoc />
    public string? SourcePodengine { get; init; }
    /// <inheritdoc />
    public string? PodImagepath { get; init; }
    /// <inheritdoc />
    public string? SourceMemrate { get; init; }
    /// <inheritdoc />
    public string? SourceCpurate { get; init; }
    /// <inheritdoc />
    public string? SourceSelflabel { get; init; }
    /// <inheritdoc />
    public string? SourcePortmode { get; init; }
    /// <inheritdoc />
    public string? SourceRestartpolicy { get; init; }
    /// <inheritdoc />
    public string? SourceApiport { get; init; }
    /// <inheritdoc />
    public string? SourceInsideport { get; init; }
    /// <inheritdoc />
    public string? SourceOutsideport { get; init; }
    /// <inheritdoc />
    public string? SourceMountpath { get; init; }
    /// <inheritdoc />
    public string? SourceStoragelimits { get; init; }
    /// <inheritdoc />
    public string? SourceNodeselector { get; init; }
    /// <summary>分配GPU个数 (sent by kboss; default 0).</summary>
    public string? SourceGpu { get; init; }
    /// <summary>默认系统盘空间 (sent by kboss; informational).</summary>
    public string? DiskSysLimit { get; init; }
}

public sealed partial class YamlApplyDeleteValidator : AbstractValidator<YamlApplyDelete>
{
    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label();

    private static bool Name(string? v) => v is not null && v.Trim().Length <= 63 && Label().IsMatch(v.Trim());

    /// <summary>Rules: names always; the workload fields (§4.8) for <c>apply</c>.</summary>
    public YamlApplyDeleteValidator()
    {
        RuleFor(x => x.Kubeconfig).Required().MaxChars(200_000);
        RuleFor(x => x.Action).Required().OneOf(["apply", "delete"]);
        RuleFor(x => x.SourcePodengine).Required().OneOf(InstanceConfigFieldsValidator.Engines);
        RuleFor(x => x.NamespaceName).Required().Must(v => string.IsNullOrWhiteSpace(v) || Name(v)).WithMessage("namespace_name 必须是合法的 Kubernetes 名称");
        RuleFor(x => x.PodcdName).Required()
            .Must((x, v) => string.IsNullOrWhiteSpace(v) || (Name(v) && v.Trim().EndsWith("-" + (x.SourcePodengine ?? "").Trim().ToLowerInvariant(), StringComparison.Ordinal)
                                                            && v.Trim().Length > (x.SourcePodengine ?? "").Trim().Length + 1))
            .WithMessage("podcd_name 必须是 资源实例id-控制器类型(小写)");
        RuleFor(x => x.ServiceName).Required()
            .Must((x, v) => string.IsNullOrWhiteSpace(v) || v.Trim() == YamlApplyDeleteHandler.IdOf(x) + "-service").WithMessage("service_name 必须是 资源实例id-service");
        When(x => x.Action?.Trim() == "apply", () =>
        {
            RuleFor(x => x.ServiceaccountName).Required()
                .Must((x, v) => string.IsNullOrWhiteSpace(v) || v.Trim() == (x.NamespaceName ?? "").Trim() + "-serviceaccount")
                .WithMessage("serviceaccount_name 必须是 命名空间名称-serviceaccount");
            Include(new InstanceConfigFieldsValidator(nodeSelectorRequired: false));
            RuleFor(x => x.SourceGpu).OptionalInt(0, 64);
        });
    }
}

public sealed class YamlApplyDeleteHandler(IKubernetesGateway gateway) : ICommandHandler<YamlApplyDelete, PcapiReply>
{
    /// <summary>The config id the controller name derives from.</summary>
    public static string IdOf(YamlApplyDelete c)
    {
        var name = c.PodcdName?.Trim() ?? "";
        var suffix = "-" + (c.SourcePodengine ?? "").Trim().ToLowerInvariant();
        return name.EndsWith(suffix, StringComparison.Ordinal) ? name[..^suffix.Length] : name;
    }

    public async ValueTask<PcapiReply> Handle(YamlApplyDelete c, CancellationToken ct)
    {
        var config = new InstanceConfig
        {
            Id = IdOf(c), Cpcid = c.Cpcid.Trimmed(), ClusterId = c.Clusterid.Trimmed(),
            NamespaceName = c.NamespaceName.Trimmed(),
            ServiceaccountName = c.ServiceaccountName.Trimmed(), PodcdName = c.PodcdName.Trimmed(),
            ServiceName = c.ServiceName.Trimmed(),
            SourcePodengine = c.SourcePodengine.Trimmed(),
        };
        try
        {
            if (c.Action.Trimmed() == "delete")
            {
                await gateway.DeleteAsync(c.Kubeconfig!, config, ct);
            }
            else
            {
                var plain = new PlainSecrets();
                InstanceConfigMapper.Apply(c, config, plain);
                config.SourceGpu = InstanceConfigFieldsValidator.Int(c.SourceGpu);
                config.DiskSysLimit = c.DiskSysLimit?.Trim() ?? "";
                await gateway.ApplyAsync(c.Kubeconfig!, config, c.SourceAuthpasswd ?? "", ct);
            }
        }
        catch (KubeGatewayException e)
        {
            return new PcapiReply { Status = false, Info = "operate failed", Code = e.Code, Reason = e.Message };
        }
        return new PcapiReply { Status = true, Info = "operate success" };
    }

    /// <summary>The password goes to the cluster as sent; nothing is stored here.</summary>
    private sealed class PlainSecrets : ISecretProtector
    {
        public string Protect(string plaintext) => "";
        public string Unprotect(string protectedValue) => "";
    }
}
