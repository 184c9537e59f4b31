using Microsoft.Extensions.Configuration;
using OrleansStreams.Silo.Hosting;
using OrleansStreams.Storage;

namespace OrleansStreams.Silo.Tests.Durability;

public sealed class SiloOptionsTests
{
    [Fact]
    public void Options_WithoutStorageArguments_UseSqliteUnderDataWithAlwaysDurability()
    {
        var options = Parse();
        Assert.Equal(StorageProvider.Sqlite, options.Storage);
        Assert.Equal("./data", options.DataDir);
        Assert.Equal(DurabilityMode.Always, options.Durability);
    }

    [Theory]
    [InlineData("memory", "everysec", StorageProvider.Memory, DurabilityMode.Everysec)]
    [InlineData("SQLITE", "none", StorageProvider.Sqlite, DurabilityMode.None)]
    [InlineData("sqlite", "always", StorageProvider.Sqlite, DurabilityMode.Always)]
    public void Options_WithStorageAndDurability_ParseThem(string storage, string durability, StorageProvider expectedStorage, DurabilityMode expectedDurability)
    {
        var options = Parse("--storage", storage, "--durability", durability, "--data-dir", "/var/lib/os");
        Assert.Equal(expectedStorage, options.Storage);
        Assert.Equal(expectedDurability, options.Durability);
        Assert.Equal("/var/lib/os", options.DataDir);
    }

    [Fact]
    public void Options_WithPostgresAndConnectionString_KeepTheConnectionString()
    {
        var options = Parse("--storage", "postgres", "--postgres", "Host=db;Username=u");
        Assert.Equal(StorageProvider.Postgres, options.Storage);
        Assert.Equal("Host=db;Username=u", options.Postgres);
    }

    [Theory]
    [InlineData("--storage", "redis")]
    [InlineData("--durability", "sometimes")]
    [InlineData("--storage", "postgres")]
    public void Options_WithUnusableValue_FailWithMessageNamingTheOption(string option, string value)
    {
        var exception = Assert.Throws<SiloOptionsException>(() => Parse(option, value));
        Assert.Contains(option, exception.Message);
    }

    private static SiloOptions Parse(params string[] args)
        => SiloOptions.FromConfiguration(new ConfigurationBuilder().AddCommandLine(args).Build());
}
