"""requests.packages: the vendored-module aliases (urllib3)."""

import sys

import urllib3

sys.modules["requests.packages.urllib3"] = urllib3
sys.modules["requests.packages.urllib3.exceptions"] = urllib3.exceptions
