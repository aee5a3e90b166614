from leadgate.cli.main import main

main()
