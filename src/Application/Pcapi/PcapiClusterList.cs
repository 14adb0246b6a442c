using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;

namespace Kboss.Application.Pcapi;

/// <summary>
/// The shape of the pcapi Kubernetes list endpoints (P5 pods, P6 nodes): resolve the cluster from the SSH
/// parameters, read it (an outside call, no transaction open), answer
/// <c>{"status": true, "info": "operate success", "data": {"total", "rows"}}</c>; any business failure is
/// <c>operate failed: …</c> with <c>data: ""</c>. spec: 36-cpcc-pcapi.md; analysis/cpcc.md §3.H.
/// </summary>
public sealed class PcapiClusterList(
    IKbossDbContext db, ISecretProtector secrets, PcapiCaller caller, TimeProvider clock)
{
    /// <summary>Rows of the cluster named by <paramref name="request"/>, read by <paramref name="read"/>.</summary>
    /// <param name="request">The SSH parameters.</param>
    /// <param name="read">Reads the rows given the cluster's kubeconfig and the current UTC instant (for ages).</param>
    /// <param name="ct">Cancellation.</param>
    public async ValueTask<PcapiReply<object>> RunAsync<TRow>(IPcapiSshRequest request,
        Func<string, DateTime, Task<List<TRow>>> read, CancellationToken ct)
    {
        try
        {
            var target = await PcapiTarget.ResolveAsync(db, secrets, caller, request, ct);
            var rows = await read(target.Kubeconfig, clock.GetUtcNow().UtcDateTime);
            return PcapiReply.Ok<object>("operate success", new Paged<TRow>(rows.Count, rows));
        }
        catch (BusinessException e)
        {
            return PcapiReply.Fail<object>("operate failed", e.Message, e.Code, "");
        }
    }
}
