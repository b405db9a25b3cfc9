namespace Segmenta.Core.Tests;

public class SmokeTests
{
    [Fact]
    public void InputException_KeepsMessage() => Assert.Equal("x", new SegmentaInputException("x").Message);
}
