using LiteDB;

namespace Directive920Bot.Storage.LiteDb;

/// <summary>A store's mapping of its domain types (ids, ignored members), applied to the one mapper before anything is read.</summary>
public sealed record MapperSetup(Action<BsonMapper> Configure);
