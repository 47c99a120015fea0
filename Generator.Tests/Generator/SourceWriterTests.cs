using System;
using TypedMail.Generator.Emitting;
using Xunit;

namespace TypedMail.Generator.Tests.Generator;

/// <summary>The writer reuses one builder per thread from file to file: no file may carry another's text.</summary>
public sealed class SourceWriterTests
{
    [Fact]
    public void ConsecutiveFilesOnOneThread_EachHoldOnlyTheirOwnText()
    {
        var first = new SourceWriter().Open("partial class First").Line("int a;").Close().Finish();
        var second = new SourceWriter().Open("partial class Second").Close().Finish();

        Assert.Equal("partial class First\n{\n    int a;\n}\n", first);
        Assert.Equal("partial class Second\n{\n}\n", second);
    }

    [Fact]
    public void WriterCreatedWhileAnotherIsOpen_KeepsItsOwnText()
    {
        new SourceWriter().Line("a finished file leaves its builder to this thread").Finish();
        var outer = new SourceWriter().Line("outer");
        var inner = new SourceWriter().Line("inner");

        Assert.Equal("outer\n", outer.Finish());
        Assert.Equal("inner\n", inner.Finish());
        Assert.Equal("next\n", new SourceWriter().Line("next").Finish());
    }

    [Fact]
    public void FinishedWriter_RefusesToWriteOrFinishAgain()
    {
        var writer = new SourceWriter().Line("done");
        writer.Finish();
        var next = new SourceWriter().Line("next file");

        Assert.Throws<InvalidOperationException>(() => writer.Line("late"));
        Assert.Throws<InvalidOperationException>(() => writer.Finish());
        Assert.Equal("next file\n", next.Finish());
    }
}
