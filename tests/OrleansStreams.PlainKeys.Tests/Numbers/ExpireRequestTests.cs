using OrleansStreams.Strings;

namespace OrleansStreams.PlainKeys.Tests.Numbers;

/// <summary>EXPIRE's NX / XX / GT / LT rules as documented for Redis 7.0 (no expiry counts as an infinite TTL).</summary>
public sealed class ExpireRequestTests
{
    private const long Now = 1_000_000;

    [Theory]
    [InlineData(ExpireConditions.None, 0, 2_000_000, ExpireOutcome.Applied)]
    [InlineData(ExpireConditions.None, 0, Now, ExpireOutcome.Deleted)]
    [InlineData(ExpireConditions.None, 0, -5, ExpireOutcome.Deleted)]
    [InlineData(ExpireConditions.Nx, 0, 2_000_000, ExpireOutcome.Applied)]
    [InlineData(ExpireConditions.Nx, 3_000_000, 2_000_000, ExpireOutcome.NotApplied)]
    [InlineData(ExpireConditions.Xx, 0, 2_000_000, ExpireOutcome.NotApplied)]
    [InlineData(ExpireConditions.Xx, 3_000_000, 2_000_000, ExpireOutcome.Applied)]
    [InlineData(ExpireConditions.Gt, 0, 2_000_000, ExpireOutcome.NotApplied)]
    [InlineData(ExpireConditions.Gt, 3_000_000, 3_000_000, ExpireOutcome.NotApplied)]
    [InlineData(ExpireConditions.Gt, 3_000_000, 3_000_001, ExpireOutcome.Applied)]
    [InlineData(ExpireConditions.Lt, 0, 2_000_000, ExpireOutcome.Applied)]
    [InlineData(ExpireConditions.Lt, 3_000_000, 3_000_000, ExpireOutcome.NotApplied)]
    [InlineData(ExpireConditions.Lt, 3_000_000, 2_999_999, ExpireOutcome.Applied)]
    [InlineData(ExpireConditions.Lt, 3_000_000, 5, ExpireOutcome.Deleted)]
    [InlineData(ExpireConditions.Xx | ExpireConditions.Gt, 0, 9_000_000, ExpireOutcome.NotApplied)]
    public void Decide_FollowsTheConditions(ExpireConditions conditions, long current, long when, ExpireOutcome expected)
    {
        Assert.Equal(expected, new ExpireRequest(when, conditions, Now).Decide(current));
    }
}
