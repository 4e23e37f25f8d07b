using System.Text.Json.Nodes;

namespace Twilio.Protocol.Tests.Reference;

/// <summary>
/// The one change <see cref="PrismSpec"/> makes to Twilio's spec before Prism serves it. If it broke, Prism would
/// refuse our list fields (422 "must be array") or serve a spec that differs from Twilio's in more than that.
/// </summary>
public sealed class PrismSpecTests
{
    private const string CallsCreate = "/2010-04-01/Accounts/{AccountSid}/Calls.json";
    private const string MessagesCreate = "/2010-04-01/Accounts/{AccountSid}/Messages.json";

    [Fact]
    public void Derive_CallsCreate_ListFieldsRepeatKeys()
    {
        var encoding = Encoding(PrismSpec.Derive(), CallsCreate);

        AssertRepeatedKeys(encoding["StatusCallbackEvent"]);
        AssertRepeatedKeys(encoding["RecordingStatusCallbackEvent"]);
    }

    [Fact]
    public void Derive_MessagesCreate_MediaUrlRepeatsKeys()
    {
        AssertRepeatedKeys(Encoding(PrismSpec.Derive(), MessagesCreate)["MediaUrl"]);
    }

    [Fact]
    public void Derive_NonListFields_NoEncoding()
    {
        var encoding = Encoding(PrismSpec.Derive(), CallsCreate);

        Assert.False(encoding.ContainsKey("To"));
        Assert.False(encoding.ContainsKey("Timeout"));
        Assert.False(encoding.ContainsKey("StatusCallback"));
    }

    [Fact]
    public void EncodeListsAsRepeatedKeys_PinnedSpec_TenListFieldsOnce()
    {
        // The ten list fields of @twilio-alpha/mcp@0.7.0: Calls (2), call Recordings, conference Participants (4),
        // ConnectApps Permissions, Messages (MediaUrl, PersistentAction). A new pin may change the count.
        var spec = (JsonObject)JsonNode.Parse(File.ReadAllText(PrismSpec.SourcePath))!;

        Assert.Equal(10, PrismSpec.EncodeListsAsRepeatedKeys(spec));
        Assert.Equal(0, PrismSpec.EncodeListsAsRepeatedKeys(spec));
    }

    [Fact]
    public void EncodeListsAsRepeatedKeys_EveryOperation_ListFieldsOnly()
    {
        var spec = Spec(
            ("/a", "post", Form(("Events", List()), ("To", Text()))),
            ("/b", "put", Form(("Media", List()))));

        var added = PrismSpec.EncodeListsAsRepeatedKeys(spec);

        Assert.Equal(2, added);
        AssertRepeatedKeys(Encoding(spec, "/a", "post")["Events"]);
        Assert.False(Encoding(spec, "/a", "post").ContainsKey("To"));
        AssertRepeatedKeys(Encoding(spec, "/b", "put")["Media"]);
    }

    [Fact]
    public void EncodeListsAsRepeatedKeys_ExistingEncoding_Kept()
    {
        var form = Form(("Events", List()), ("Tags", List()), ("File", Text()));
        form["encoding"] = new JsonObject
        {
            ["Tags"] = new JsonObject { ["style"] = "spaceDelimited", ["explode"] = false },
            ["File"] = new JsonObject { ["contentType"] = "image/png" },
        };
        var spec = Spec(("/a", "post", form));

        var added = PrismSpec.EncodeListsAsRepeatedKeys(spec);

        Assert.Equal(1, added);
        var encoding = Encoding(spec, "/a", "post");
        AssertRepeatedKeys(encoding["Events"]);
        Assert.Equal("spaceDelimited", (string?)encoding["Tags"]?["style"]);
        Assert.False((bool?)encoding["Tags"]?["explode"]);
        Assert.Equal("image/png", (string?)encoding["File"]?["contentType"]);
    }

    [Fact]
    public void EncodeListsAsRepeatedKeys_JsonBody_Untouched()
    {
        var spec = Spec(("/a", "post", Form(("Events", List()))));
        var content = spec["paths"]!["/a"]!["post"]!["requestBody"]!["content"]!.AsObject();
        content["application/json"] = content["application/x-www-form-urlencoded"]!.DeepClone();
        content.Remove("application/x-www-form-urlencoded");

        var added = PrismSpec.EncodeListsAsRepeatedKeys(spec);

        Assert.Equal(0, added);
        Assert.Null(content["application/json"]!["encoding"]);
    }

    private static void AssertRepeatedKeys(JsonNode? encoding)
    {
        Assert.NotNull(encoding);
        Assert.Equal("form", (string?)encoding["style"]);
        Assert.True((bool?)encoding["explode"]);
    }

    private static JsonObject Encoding(JsonObject spec, string path, string method = "post") =>
        spec["paths"]![path]![method]!["requestBody"]!["content"]!["application/x-www-form-urlencoded"]!["encoding"]!
            .AsObject();

    private static JsonObject Spec(params (string Path, string Method, JsonObject Form)[] operations)
    {
        var paths = new JsonObject();
        foreach (var (path, method, form) in operations)
        {
            paths[path] = new JsonObject
            {
                ["parameters"] = new JsonArray(),
                [method] = new JsonObject
                {
                    ["requestBody"] = new JsonObject
                    {
                        ["content"] = new JsonObject { ["application/x-www-form-urlencoded"] = form },
                    },
                },
            };
        }

        return new JsonObject { ["openapi"] = "3.0.1", ["paths"] = paths };
    }

    private static JsonObject Form(params (string Name, JsonObject Schema)[] fields)
    {
        var properties = new JsonObject();
        foreach (var (name, schema) in fields)
        {
            properties[name] = schema;
        }

        return new JsonObject { ["schema"] = new JsonObject { ["type"] = "object", ["properties"] = properties } };
    }

    private static JsonObject List() =>
        new() { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } };

    private static JsonObject Text() => new() { ["type"] = "string" };
}
