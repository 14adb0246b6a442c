using Kboss.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kboss.Infrastructure.Persistence.Configurations;

/// <summary>Columns and the reconciler's index of every <see cref="OutsideEffectEntity"/> (ADR 0015).</summary>
internal static class OutsideEffectMapping
{
    /// <summary>Maps the state columns; existing rows (before migration <c>OutsideCalls</c>) become
    /// <c>live</c>.</summary>
    public static void MapOutsideEffect<T>(this EntityTypeBuilder<T> b) where T : OutsideEffectEntity
    {
        b.Property(x => x.State).HasMaxLength(20).IsUnicode(false).HasDefaultValue(OutsideStates.Live);
        b.Property(x => x.Operation).HasMaxLength(10).IsUnicode(false).HasDefaultValue("");
        b.Property(x => x.ResumeState).HasMaxLength(20).IsUnicode(false).HasDefaultValue("");
        b.Property(x => x.FailureReason).HasMaxLength(1000).HasDefaultValue("");
        b.Property(x => x.StateChangedAt).IsConcurrencyToken();
        // the reconciler: open rows oldest first
        b.HasIndex(x => new { x.State, x.StateChangedAt });
    }
}
