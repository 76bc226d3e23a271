# newswire worker image: build the wheel in one stage, run it slim and unprivileged in another.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY services ./services
RUN pip wheel --no-cache-dir --wheel-dir /wheels ".[rocksdb]"

FROM python:3.11-slim
RUN useradd --system --uid 10001 --home-dir /var/lib/newswire --create-home newswire
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir --no-index --find-links /wheels "newswire[rocksdb]" \
    && rm -rf /wheels
# Faust creates its data directory at start: it must exist and belong to the worker's user
# (a volume mounted here is initialised from it, owner included).
RUN install -d -o newswire -g newswire -m 0750 /var/lib/newswire/data
USER newswire
ENV NEWSWIRE_WEB_HOST=0.0.0.0 \
    NEWSWIRE_WEB_PORT=6066 \
    NEWSWIRE_DATA_DIR=/var/lib/newswire/data
EXPOSE 6066
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ['NEWSWIRE_WEB_PORT'] + '/healthz', timeout=2)"]
ENTRYPOINT ["newswire"]
CMD ["worker"]
