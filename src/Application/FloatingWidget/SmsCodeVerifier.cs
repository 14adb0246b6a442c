using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Common;
using Kboss.Domain.FloatingWidget;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.FloatingWidget;

/// <summary>
/// Checks and consumes an SMS code (analysis/platform.md §4.5): only the newest sent code of the mobile counts; a wrong
/// code adds a try (the 5th burns it); a right, unexpired, unburned code is used once — two parallel requests with the
/// same code get one success, because the use is one conditional UPDATE guarded by <see cref="SmsCode.Usable"/>.
/// </summary>
public sealed class SmsCodeVerifier(IKbossDbContext db, TimeProvider clock)
{
    /// <summary>Consumes <paramref name="code"/> of <paramref name="mobile"/>; failures name <paramref
    /// name="param"/>.</summary>
    public async Task<Result> ConsumeAsync(string mobile, string code, string param, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var wrong = new Failure(FailureKind.InvalidArgument, SmsCode.WrongMessage, param);
        var newest = await db.SmsCodes.AsNoTracking()
            .Where(x => x.Mobile == mobile && x.State == SmsCodeState.Sent)
            .OrderByDescending(x => x.SentAt).FirstOrDefaultAsync(ct);
        if (newest is null || !SmsCode.Usable(now).Compile()(newest)) return wrong;
        if (!newest.Matches(code))
        {
            var counted = await db.SmsCodes.Where(x => x.Id == newest.Id && x.Attempts < SmsCodePolicy.MaxAttempts)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Attempts, x => x.Attempts + 1), ct);
            return counted == 1 && newest.Attempts + 1 >= SmsCodePolicy.MaxAttempts
                ? new Failure(FailureKind.InvalidArgument, SmsCode.BurnedMessage, param)
                : wrong;
        }
        var used = await db.SmsCodes.Where(x => x.Id == newest.Id).Where(SmsCode.Usable(now))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, SmsCodeState.Used), ct);
        return used == 1 ? Result.Done : wrong;
    }
}
