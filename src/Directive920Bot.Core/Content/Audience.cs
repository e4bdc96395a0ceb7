namespace Directive920Bot.Content;

public enum Audience { All, Leaders, Staff }

public enum ItemKind { Lesson, Card, Announcement }
