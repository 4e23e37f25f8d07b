using CallCenter.Api.Telephony;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallCenter.Api.Tests.Telephony;

/// <summary>
/// The body filter on a streamed body without a Content-Length (chunked), which the in-memory test server cannot send:
/// refused having read at most one byte past the limit, and the handler never runs.
/// </summary>
public sealed class TwilioBodyFilterTests
{
    [Fact]
    public async Task StreamedBodyOfTenMegabytes_Returns413HavingReadAtMostTheLimitPlusOne()
    {
        var body = new EndlessFormStream();
        var (status, handlerRan) = await RunAsync(body, TwilioBodyFilter.FormContentType);

        Assert.Equal((StatusCodes.Status413PayloadTooLarge, false), (status, handlerRan));
        Assert.InRange(body.BytesRead, TwilioBodyFilter.MaxBodyBytes + 1, TwilioBodyFilter.MaxBodyBytes + 1);
    }

    [Fact]
    public async Task StreamedFormUnderTheLimit_ReachesTheHandler()
    {
        var (status, handlerRan) = await RunAsync(new MemoryStream("CallSid=CA1&From=%2B86"u8.ToArray()), "application/x-www-form-urlencoded; charset=utf-8");

        Assert.Equal((StatusCodes.Status200OK, true), (status, handlerRan));
    }

    private static async Task<(int Status, bool HandlerRan)> RunAsync(Stream body, string contentType)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = HttpMethods.Post;
        http.Request.ContentType = contentType;
        http.Request.Body = body;
        var handlerRan = false;
        var result = await new TwilioBodyFilter(NullLogger<TwilioBodyFilter>.Instance).InvokeAsync(
            EndpointFilterInvocationContext.Create(http),
            async _ =>
            {
                handlerRan = true;
                var form = await http.Request.ReadFormAsync();
                return form["CallSid"] == "CA1" ? TypedResults.Ok() : TypedResults.BadRequest();
            });
        return (((IStatusCodeHttpResult)result!).StatusCode ?? 0, handlerRan);
    }

    /// <summary>Ten megabytes of form, counted as it is read.</summary>
    private sealed class EndlessFormStream : Stream
    {
        private const long Length10Mb = 10 * 1024 * 1024;

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, Length10Mb - BytesRead);
            Array.Fill(buffer, (byte)'x', offset, n);
            BytesRead += n;
            return n;
        }

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
