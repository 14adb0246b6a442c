using System.Threading.Channels;
using Kboss.Application.Cpcc.Executor;
using Kboss.Application.Cpcc.Provisioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kboss.Infrastructure.Provisioning;

/// <summary>
/// The hosted worker behind <see cref="IProvisioningQueue"/>: an in-memory queue of operation ids, each run by
/// <see cref="ProvisioningRunner"/> in its own scope, outside the HTTP request that started it (several at a time; the
/// device reservation already prevents two runs on one machine). At start it fails and rolls back operations a previous
/// process left running. One worker per process: with several API nodes each runs the operations it accepted.
/// </summary>
public sealed class ProvisioningWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ProvisioningWorker> logger) : BackgroundService, IProvisioningQueue
{
    /// <summary>Most operations run at the same time.</summary>
    public const int MaxParallel = 8;
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>();
    private readonly SemaphoreSlim _slots = new(MaxParallel);
    private readonly DateTime _createdUtc = clock.GetUtcNow().UtcDateTime;

    public void Enqueue(string operationId) => _queue.Writer.TryWrite(operationId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var n = await scope.ServiceProvider.GetRequiredService<ProvisioningRunner>().RecoverInterruptedAsync(_createdUtc, stoppingToken);
            if (n > 0) logger.LogWarning("Rolled back {Count} provisioning operations interrupted by a restart", n);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not recover interrupted provisioning operations");
        }
        var running = new List<Task>();
        try
        {
            await foreach (var id in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                await _slots.WaitAsync(stoppingToken);
                running.RemoveAll(t => t.IsCompleted);
                running.Add(Task.Run(() => RunOneAsync(id, stoppingToken), CancellationToken.None));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await Task.WhenAll(running);
    }

    private async Task RunOneAsync(string id, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ProvisioningRunner>().RunAsync(id, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            logger.LogWarning("Provisioning operation {Operation} stopped by shutdown; it is rolled back on the next start", id);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Provisioning operation {Operation} crashed", id);
        }
        finally
        {
            _slots.Release();
        }
    }
}
