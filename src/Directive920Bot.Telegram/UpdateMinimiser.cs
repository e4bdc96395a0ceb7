using System.Text.Json.Nodes;

namespace Directive920Bot.Telegram;

/// <summary>
/// What of an update is written to the inbox: everything handling needs, minus who the person is on Telegram. The
/// first and last name and the username of every user and chat in it are dropped before the update is persisted
/// (issue #15 §7: before consent nothing about the person is stored; the registration asks for the name it keeps).
/// The update in memory, handled right away, is untouched; after a restart the stored form is handled the same way.
/// </summary>
public static class UpdateMinimiser
{
    private static readonly string[] Dropped = ["last_name", "username"];

    public static string Minimise(string json)
    {
        if (JsonNode.Parse(json) is not { } root)
        {
            return json;
        }

        Strip(root);
        return root.ToJsonString();
    }

    private static void Strip(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj.ContainsKey("first_name"))
                {
                    // A user's first_name is required by the Bot API types (deserialising needs it); a chat's is optional.
                    if (obj.ContainsKey("is_bot"))
                    {
                        obj["first_name"] = "";
                    }
                    else
                    {
                        obj.Remove("first_name");
                    }
                }

                foreach (var key in Dropped)
                {
                    obj.Remove(key);
                }

                foreach (var child in obj.Select(p => p.Value).OfType<JsonNode>().ToList())
                {
                    Strip(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array.OfType<JsonNode>().ToList())
                {
                    Strip(child);
                }

                break;
        }
    }
}
