"""Resolve the broker's classpath with Maven, once, into the cache directory."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

from newswire.errors import BrokerError, PrerequisiteMissing

_POM_NS = {"m": "http://maven.apache.org/POM/4.0.0"}
_MIN_JAVA = 17
_COMPLETE_MARKER = ".complete"


def resource_path(name: str) -> Path:
    """A file shipped in ``newswire_dev/broker/resources``."""
    return Path(str(resources.files("newswire_dev.broker").joinpath("resources", name)))


def kafka_version() -> str:
    """The Kafka version the pom pins (the only place it is written)."""
    root = ET.parse(resource_path("pom.xml")).getroot()  # noqa: S314 - our own packaged file
    version = root.findtext("m:properties/m:kafka.version", namespaces=_POM_NS)
    if not version:
        raise BrokerError("pom.xml does not define kafka.version")
    return version


def check_java() -> str:
    """Path of a java >= 17, or PrerequisiteMissing saying how to get one."""
    java = shutil.which("java")
    if java is None:
        raise PrerequisiteMissing(
            "java not found: the local Kafka broker needs Java 17 or newer "
            "(Debian: apt-get install openjdk-17-jre-headless)"
        )
    probe = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
    match = re.search(r'version "(\d+)(?:\.(\d+))?', probe.stderr + probe.stdout)
    if match is None:
        raise PrerequisiteMissing(f"cannot read the version of {java}: {probe.stderr.strip()}")
    major = int(match.group(1))
    if major == 1 and match.group(2):  # "1.8" style
        major = int(match.group(2))
    if major < _MIN_JAVA:
        raise PrerequisiteMissing(f"{java} is Java {major}; Kafka 4 needs Java {_MIN_JAVA}+")
    return java


def check_maven() -> str:
    mvn = shutil.which("mvn")
    if mvn is None:
        raise PrerequisiteMissing(
            "mvn not found: Maven resolves the Kafka broker from Maven Central "
            "(Debian: apt-get install maven)"
        )
    return mvn


def libs_dir(cache_dir: Path) -> Path:
    return cache_dir / f"kafka-{kafka_version()}" / "libs"


def ensure_classpath(cache_dir: Path) -> Path:
    """Directory holding every runtime jar of the broker; resolved by Maven when absent."""
    target = libs_dir(cache_dir)
    if (target / _COMPLETE_MARKER).exists():
        return target
    mvn = check_maven()
    if target.exists():
        shutil.rmtree(target)  # a half-copied directory from an interrupted run
    target.mkdir(parents=True)
    result = subprocess.run(
        [
            mvn, "-B", "-q",
            "-f", str(resource_path("pom.xml")),
            "dependency:copy-dependencies",
            "-DincludeScope=runtime",
            f"-DoutputDirectory={target}",
        ],
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip()[-4000:]
        raise BrokerError(f"maven could not resolve the Kafka broker:\n{output}")
    if not any(target.glob("kafka_2.13-*.jar")):
        raise BrokerError(f"maven finished but no kafka_2.13 jar is in {target}")
    (target / _COMPLETE_MARKER).touch()
    return target
