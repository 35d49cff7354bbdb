from troopclaims.cli.edge import run

if __name__ == "__main__":  # worker processes import this module again; only the program runs the command
    run()
