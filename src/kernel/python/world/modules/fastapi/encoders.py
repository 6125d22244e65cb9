"""fastapi.encoders: jsonable_encoder."""

import dataclasses
import datetime
import decimal
import enum
import uuid
from collections.abc import Mapping


def jsonable_encoder(obj, include=None, exclude=None, by_alias=True, exclude_unset=False, exclude_defaults=False,
                     exclude_none=False, custom_encoder=None, sqlalchemy_safe=True):
    if obj is None or isinstance(obj, (str, int, float, bool)):
        return obj
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, (datetime.datetime, datetime.date, datetime.time)):
        return obj.isoformat()
    if isinstance(obj, datetime.timedelta):
        return obj.total_seconds()
    if isinstance(obj, decimal.Decimal):
        return int(obj) if obj.as_tuple().exponent >= 0 else float(obj)
    if isinstance(obj, uuid.UUID):
        return str(obj)
    if isinstance(obj, bytes):
        return obj.decode()
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return jsonable_encoder(dataclasses.asdict(obj))
    if hasattr(obj, "model_dump"):
        return jsonable_encoder(obj.model_dump())
    if isinstance(obj, Mapping) or (hasattr(obj, "keys") and hasattr(obj, "__getitem__")):
        return {jsonable_encoder(k): jsonable_encoder(obj[k]) for k in obj.keys()
                if not (exclude_none and obj[k] is None)}
    if isinstance(obj, (list, tuple, set, frozenset)) or hasattr(obj, "__iter__"):
        return [jsonable_encoder(v) for v in obj]
    if hasattr(obj, "__dict__"):
        return jsonable_encoder({k: v for k, v in vars(obj).items() if not k.startswith("_")})
    raise ValueError(f"Object of type {type(obj).__name__} is not JSON serializable")
