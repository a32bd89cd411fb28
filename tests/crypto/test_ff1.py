"""FF1 against NIST's published samples (SP 800-38G FF1 samples 1-9), and its properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yinsi.core.errors import ConfigurationError, InputError
from yinsi.crypto.ff1 import ALPHANUMERIC, DIGITS, FF1

KEY_128 = "2B7E151628AED2A6ABF7158809CF4F3C"
KEY_192 = KEY_128 + "EF4359D8D580AA4F"
KEY_256 = KEY_192 + "7F036D6F04FC6A94"
TWEAK_10 = "39383736353433323130"
TWEAK_11 = "3737373770717273373737"
DIGITS_PT = "0123456789"
ALNUM_PT = "0123456789abcdefghi"

# (sample, key, tweak, alphabet, plaintext, ciphertext) from NIST's "FF1 samples" document.
NIST_SAMPLES = [
    (1, KEY_128, "", DIGITS, DIGITS_PT, "2433477484"),
    (2, KEY_128, TWEAK_10, DIGITS, DIGITS_PT, "6124200773"),
    (3, KEY_128, TWEAK_11, ALPHANUMERIC, ALNUM_PT, "a9tv40mll9kdu509eum"),
    (4, KEY_192, "", DIGITS, DIGITS_PT, "2830668132"),
    (5, KEY_192, TWEAK_10, DIGITS, DIGITS_PT, "2496655549"),
    (6, KEY_192, TWEAK_11, ALPHANUMERIC, ALNUM_PT, "xbj3kv35jrawxv32ysr"),
    (7, KEY_256, "", DIGITS, DIGITS_PT, "6657667009"),
    (8, KEY_256, TWEAK_10, DIGITS, DIGITS_PT, "1001623463"),
    (9, KEY_256, TWEAK_11, ALPHANUMERIC, ALNUM_PT, "xs8a0azh2avyalyzuwd"),
]


@pytest.mark.parametrize(("sample", "key", "tweak", "alphabet", "plaintext", "ciphertext"), NIST_SAMPLES)
def test_nist_sample(
    sample: int, key: str, tweak: str, alphabet: str, plaintext: str, ciphertext: str
) -> None:
    cipher = FF1(bytes.fromhex(key), alphabet)
    assert cipher.encrypt(plaintext, bytes.fromhex(tweak)) == ciphertext
    assert cipher.decrypt(ciphertext, bytes.fromhex(tweak)) == plaintext


@settings(max_examples=200, deadline=None)
@given(
    key=st.binary(min_size=16, max_size=16),
    tweak=st.binary(max_size=40),
    alphabet=st.sampled_from([DIGITS, ALPHANUMERIC, "01", "0123456789ABCDEFGHJKLMNPQRTUWXY"]),
    data=st.data(),
)
def test_round_trip_preserves_length_and_alphabet(
    key: bytes, tweak: bytes, alphabet: str, data: st.DataObject
) -> None:
    cipher = FF1(key, alphabet)
    text = data.draw(st.text(alphabet=alphabet, min_size=cipher.min_length, max_size=60))
    encrypted = cipher.encrypt(text, tweak)
    assert len(encrypted) == len(text)
    assert set(encrypted) <= set(alphabet)
    assert cipher.decrypt(encrypted, tweak) == text


def test_tweak_and_key_change_the_output() -> None:
    cipher = FF1(bytes(16))
    assert cipher.encrypt("13800138000", b"a") != cipher.encrypt("13800138000", b"b")
    assert FF1(bytes(16)).encrypt("13800138000") != FF1(bytes(15) + b"\x01").encrypt("13800138000")


@pytest.mark.parametrize(("alphabet", "minimum"), [(DIGITS, 6), (ALPHANUMERIC, 4), ("01", 20)])
def test_small_domains_are_refused(alphabet: str, minimum: int) -> None:
    # SP 800-38G Rev. 1 §5.2: radix**minlen >= 1,000,000.
    cipher = FF1(bytes(16), alphabet)
    assert cipher.min_length == minimum
    with pytest.raises(InputError):
        cipher.encrypt(alphabet[0] * (minimum - 1))


@pytest.mark.parametrize("key", [b"", bytes(8), bytes(20), bytes(33)])
def test_bad_key_sizes(key: bytes) -> None:
    with pytest.raises(ConfigurationError):
        FF1(key)


def test_characters_outside_the_alphabet_are_refused() -> None:
    with pytest.raises(InputError):
        FF1(bytes(16), ALPHANUMERIC).encrypt("ABCDEFG")
