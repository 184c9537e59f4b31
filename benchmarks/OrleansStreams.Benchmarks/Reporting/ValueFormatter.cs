using System.Globalization;

namespace OrleansStreams.Benchmarks.Reporting;

public static class ValueFormatter
{
    public static string Format(double value, MetricUnit unit) => unit switch
    {
        MetricUnit.OpsPerSecond => value.ToString("#,0", CultureInfo.InvariantCulture) + " ops/s",
        MetricUnit.EntriesPerSecond => value.ToString("#,0", CultureInfo.InvariantCulture) + " entries/s",
        MetricUnit.Microseconds => value.ToString("#,0", CultureInfo.InvariantCulture) + " us",
        MetricUnit.BytesPerEntry => value.ToString("#,0.0", CultureInfo.InvariantCulture) + " B/entry",
        MetricUnit.Milliseconds => value.ToString("#,0", CultureInfo.InvariantCulture) + " ms",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    public static string Percent(double value) => value.ToString("0", CultureInfo.InvariantCulture) + "%";

    public static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
