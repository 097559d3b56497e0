import SuvCLI
SuvCommand.main()
