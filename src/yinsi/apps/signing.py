"""The signing certificate of an APK: APK Signature Scheme v3/v2 block first, then v1 (JAR) signatures.

v2/v3 layout: source.android.com/docs/security/features/apksigning/v2 (APK Signing Block before the
central directory, magic "APK Sig Block 42", length-prefixed signers → signed data → certificates).
v1: META-INF/*.RSA|*.DSA|*.EC are PKCS #7 SignedData (RFC 2315). The certificate is only described —
subject, issuer, SHA-256 fingerprint, validity — never verified: auditing is not installing.
"""

from __future__ import annotations

import hashlib
import struct
import warnings
from pathlib import Path

from .archive import ApkArchive
from .facts import Certificate

_BLOCK_MAGIC = b"APK Sig Block 42"
_V3_1, _V3, _V2 = 0x1B93AD61, 0xF05368C0, 0x7109871A
_EOCD = b"PK\x05\x06"
_V1_SUFFIXES = (".RSA", ".DSA", ".EC")
# The SDK's debug keystore always uses this subject (developer.android.com/studio/publish/app-signing).
_DEBUG_SUBJECT = "CN=Android Debug,O=Android,C=US"


def signing_certificate(path: Path, archive: ApkArchive) -> Certificate | None:
    """Describe the first signer's certificate, or None for an unsigned APK or unreadable signature."""
    der = _block_certificate(path) or _v1_certificate(archive)
    return _describe(der) if der else None


def _describe(der: bytes) -> Certificate | None:
    from cryptography import x509

    try:
        cert = x509.load_der_x509_certificate(der)
        with warnings.catch_warnings():  # old debug certificates carry over-long country codes
            warnings.simplefilter("ignore")
            subject, issuer = cert.subject.rfc4514_string(), cert.issuer.rfc4514_string()
        not_before, not_after = cert.not_valid_before_utc.isoformat(), cert.not_valid_after_utc.isoformat()
    except ValueError:
        return None
    is_debug = _normalise(subject) == _normalise(_DEBUG_SUBJECT) or "CN=Android Debug" in subject
    return Certificate(subject, issuer, hashlib.sha256(der).hexdigest(), not_before, not_after, is_debug)


def _normalise(dn: str) -> frozenset[str]:
    return frozenset(part.strip() for part in dn.split(","))


def _v1_certificate(archive: ApkArchive) -> bytes | None:
    from cryptography.hazmat.primitives.serialization import Encoding, pkcs7

    for name in sorted(archive.names()):
        if name.startswith("META-INF/") and name.upper().endswith(_V1_SUFFIXES) and name.count("/") == 1:
            try:
                certs = pkcs7.load_der_pkcs7_certificates(archive.read(name))
            except ValueError:
                continue
            if certs:
                # With a chain, the signer is the certificate that issued no other one in the set.
                issuers = {c.issuer for c in certs}
                leaves = [c for c in certs if c.subject not in issuers or len(certs) == 1]
                return (leaves or certs)[0].public_bytes(Encoding.DER)
    return None


def _block_certificate(path: Path) -> bytes | None:
    """First certificate of the first signer in the v3.1, v3 or v2 signature of the APK Signing Block."""
    with path.open("rb") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        tail_len = min(size, 65_536 + 22)
        handle.seek(size - tail_len)
        tail = handle.read(tail_len)
        eocd = tail.rfind(_EOCD)
        if eocd < 0 or eocd + 22 > len(tail):
            return None
        (cd_offset,) = struct.unpack_from("<L", tail, eocd + 16)
        if cd_offset < 32 or cd_offset > size:
            return None
        handle.seek(cd_offset - 24)
        footer = handle.read(24)
        if footer[8:] != _BLOCK_MAGIC:
            return None
        (block_size,) = struct.unpack_from("<Q", footer, 0)
        if block_size < 24 or block_size + 8 > min(cd_offset, 64 * 1024 * 1024):
            return None
        handle.seek(cd_offset - block_size - 8)
        block = handle.read(block_size + 8)
    pairs = _pairs(block[8:-24])
    for scheme in (_V3_1, _V3, _V2):
        if scheme in pairs:
            try:
                signers = _items(_items(pairs[scheme])[0])
                signed_data = _items(signers[0])[0]
                certificates = _items(_items(signed_data)[1])  # after the digests sequence
                return certificates[0]
            except (IndexError, struct.error):
                return None
    return None


def _pairs(data: bytes) -> dict[int, bytes]:
    """ID-value pairs of the signing block: uint64 length, uint32 id, value."""
    out: dict[int, bytes] = {}
    pos = 0
    while pos + 12 <= len(data):
        (length,) = struct.unpack_from("<Q", data, pos)
        if length < 4 or pos + 8 + length > len(data):
            break
        (pair_id,) = struct.unpack_from("<L", data, pos + 8)
        out.setdefault(pair_id, data[pos + 12 : pos + 8 + length])
        pos += 8 + length
    return out


def _items(data: bytes) -> list[bytes]:
    """Split consecutive uint32-length-prefixed items (the v2 block's only framing)."""
    items: list[bytes] = []
    pos, end = 0, len(data)
    while pos + 4 <= end:
        (length,) = struct.unpack_from("<L", data, pos)
        items.append(data[pos + 4 : pos + 4 + length])
        pos += 4 + length
    return items
