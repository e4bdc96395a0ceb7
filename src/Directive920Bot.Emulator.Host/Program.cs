Console.WriteLine("Directive920Bot Bot API emulator");
