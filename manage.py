#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    from django.core.management import execute_from_command_line

    from portal.startup import run_reporting_startup_errors

    run_reporting_startup_errors(execute_from_command_line, sys.argv)


if __name__ == "__main__":
    main()
