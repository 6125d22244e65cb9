"""fastapi.responses: Response, JSONResponse, HTMLResponse, PlainTextResponse, RedirectResponse."""

import json


class Response:
    media_type = None
    charset = "utf-8"

    def __init__(self, content=None, status_code=200, headers=None, media_type=None, background=None):
        self.status_code = status_code
        if media_type is not None:
            self.media_type = media_type
        self.body = self.render(content)
        self.raw_headers = []
        self._headers = dict(headers or {})
        self.background = background

    def render(self, content):
        if content is None:
            return b""
        if isinstance(content, (bytes, memoryview)):
            return bytes(content)
        return content.encode(self.charset)

    @property
    def headers(self):
        out = []
        if self.body is not None and not any(k.lower() == "content-length" for k in self._headers):
            out.append(("content-length", str(len(self.body))))
        if self.media_type is not None and not any(k.lower() == "content-type" for k in self._headers):
            ctype = self.media_type
            if ctype.startswith("text/") and "charset=" not in ctype:
                ctype += f"; charset={self.charset}"
            out.append(("content-type", ctype))
        out.extend((k.lower(), str(v)) for k, v in self._headers.items())
        return out

    def set_cookie(self, key, value="", **kwargs):
        self._headers.setdefault("set-cookie", f"{key}={value}; Path=/; SameSite=lax")


class JSONResponse(Response):
    media_type = "application/json"

    def render(self, content):
        return json.dumps(content, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")).encode()


class ORJSONResponse(JSONResponse):
    pass


class UJSONResponse(JSONResponse):
    pass


class HTMLResponse(Response):
    media_type = "text/html"


class PlainTextResponse(Response):
    media_type = "text/plain"


class RedirectResponse(Response):
    def __init__(self, url, status_code=307, headers=None, background=None):
        super().__init__(content=b"", status_code=status_code, headers=headers, background=background)
        self._headers["location"] = str(url)


class StreamingResponse(Response):
    def __init__(self, content, status_code=200, headers=None, media_type=None, background=None):
        self._iterator = content
        super().__init__(None, status_code, headers, media_type, background)
        self.body = None


class FileResponse(Response):
    def __init__(self, path, status_code=200, headers=None, media_type=None, filename=None, **kwargs):
        with open(path, "rb") as f:
            data = f.read()
        super().__init__(data, status_code, headers, media_type or "application/octet-stream")
