Console.Error.WriteLine("temporal-test-server: not implemented yet");
return 1;
