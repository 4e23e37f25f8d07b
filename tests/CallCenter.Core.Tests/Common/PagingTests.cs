using CallCenter.Core.Common;

namespace CallCenter.Core.Tests.Common;

public sealed class PagingTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, PageRequest.MaxPageSize)]
    [InlineData(500, 50)]
    public void Validate_InRange_IsNull(int page, int pageSize)
    {
        Assert.Null(new PageRequest(page, pageSize).Validate());
    }

    [Theory]
    [InlineData(0, 50, "page")]
    [InlineData(-1, 50, "page")]
    [InlineData(1, 0, "pageSize")]
    [InlineData(1, PageRequest.MaxPageSize + 1, "pageSize")]
    public void Validate_OutOfRange_NamesTheField(int page, int pageSize, string field)
    {
        var error = new PageRequest(page, pageSize).Validate();

        Assert.NotNull(error);
        Assert.Equal(field, error.Value.Field);
        Assert.NotEmpty(error.Value.Reason);
    }

    [Fact]
    public void Defaults_AreFirstPageOfDefaultSize()
    {
        var request = new PageRequest();

        Assert.Equal(0, request.Skip);
        Assert.Equal(PageRequest.DefaultPageSize, request.Take);
    }

    [Fact]
    public void Skip_ThirdPageOfTen_IsTwenty()
    {
        Assert.Equal(20, new PageRequest(3, 10).Skip);
    }

    [Fact]
    public void FromOverfetch_OneRowMoreThanPageSize_HasMoreAndDropsExtraRow()
    {
        var page = Pages.FromOverfetch([1, 2, 3, 4], new PageRequest(2, 3));

        Assert.True(page.HasMore);
        Assert.Equal([1, 2, 3], page.Items);
        Assert.Equal(2, page.PageNumber);
        Assert.Equal(3, page.PageSize);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(1)]
    [InlineData(0)]
    public void FromOverfetch_AtMostPageSize_HasNoMore(int count)
    {
        var rows = Enumerable.Range(1, count).ToList();

        var page = Pages.FromOverfetch(rows, new PageRequest(1, 3));

        Assert.False(page.HasMore);
        Assert.Equal(rows, page.Items);
    }
}
