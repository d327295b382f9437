using System.Globalization;

namespace TrustLedger.Verifier.Verification;

/// <summary>
/// The time a verification is asked about (the API's <c>?at=</c>, the CLI's <c>--at</c>): ISO 8601,
/// UTC when no offset is given, and bounded so every later step (China Standard Time, block
/// timestamps) stays inside <see cref="DateTimeOffset"/>'s range.
/// </summary>
public static class VerificationTime
{
    /// <summary>The earliest time a verification can be asked about (the Unix epoch: no block is older).</summary>
    public static readonly DateTimeOffset Earliest = DateTimeOffset.UnixEpoch;

    /// <summary>One past the latest time a verification can be asked about.</summary>
    public static readonly DateTimeOffset Latest = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool TryParse(string text, out DateTimeOffset at) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at)
        && at >= Earliest && at < Latest;
}
