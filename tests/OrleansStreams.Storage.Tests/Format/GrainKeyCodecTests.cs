namespace OrleansStreams.Storage.Tests;

public sealed class GrainKeyCodecTests
{
    [Theory]
    [InlineData("")]
    [InlineData("mystream")]
    [InlineData("k\0\u00ff")]
    [InlineData("\u20ac")]
    [InlineData("\ud800 lone surrogate")]
    [InlineData("mixed \u00e9 and \u4e2d")]
    public void Decode_OfEncode_GivesTheSameKey(string key)
    {
        Assert.Equal(key, GrainKeyCodec.Decode(GrainKeyCodec.Encode(key)));
    }

    [Fact]
    public void Encode_StoresLatin1KeysAsTheirBytes_AndOthersAsUtf16()
    {
        Assert.Equal([0, (byte)'a', 0, 0xFF], GrainKeyCodec.Encode("a\0\u00ff"));
        Assert.Equal([1, 0xAC, 0x20], GrainKeyCodec.Encode("\u20ac"));
    }

    [Fact]
    public void Decode_OfAnUnknownTag_ThrowsJournalCorrupted()
    {
        Assert.Throws<JournalCorruptedException>(() => GrainKeyCodec.Decode([7, 1, 2]));
    }
}
