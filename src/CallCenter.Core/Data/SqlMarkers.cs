
namespace CallCenter.Core.Data;

public static class SqlMarkers
{
    public const string Page = "/**page**/";
}
