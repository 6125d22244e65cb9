"""requests.utils: the helpers readers reach for."""

from urllib.parse import quote, unquote  # noqa: F401

from .models import get_encoding_from_headers  # noqa: F401
from .sessions import default_headers, default_user_agent  # noqa: F401
