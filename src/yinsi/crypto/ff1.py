"""FF1 format-preserving encryption (NIST SP 800-38G Rev. 1, §5.1), with AES from `cryptography`.

Implemented here because no well-maintained Python FF1 library exists (the few on package indexes are
unreviewed, unmaintained, or implement FF3, which was broken: Durak & Vaudenay 2017, Beyne 2021, and
withdrawn in SP 800-38G Rev. 1). The code follows the specification's algorithm 7 (FF1.Encrypt) and
algorithm 8 (FF1.Decrypt) step by step, with the step numbers in comments, and is checked against all
nine of NIST's published FF1 samples (AES-128/192/256; radix 10 and 36) in tests/crypto/test_ff1.py.

Rev. 1 requires radix**minlen >= 1,000,000 so that the domain is large enough to resist the
Bellare-Hoang-Tessaro and Durak-Vaudenay small-domain attacks; shorter inputs are refused.

An `FF1` instance holds an AES-ECB encryptor and is therefore not safe to share between threads.
"""

from __future__ import annotations

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from yinsi.core.errors import ConfigurationError, InputError

DIGITS = "0123456789"
ALPHANUMERIC = "0123456789abcdefghijklmnopqrstuvwxyz"

_ROUNDS = 10
_MIN_DOMAIN = 1_000_000  # SP 800-38G Rev. 1, §5.2: radix**minlen >= 1,000,000
_MAX_LENGTH = 2**32 - 1
_BLOCK = 16


class FF1:
    """FF1 over the numerals of `alphabet` (its characters, in order, are the numerals 0..radix-1)."""

    __slots__ = ("_ecb", "_index", "alphabet", "min_length", "radix")

    def __init__(self, key: bytes, alphabet: str = DIGITS) -> None:
        if len(key) not in (16, 24, 32):
            raise ConfigurationError("FF1 needs an AES key of 16, 24 or 32 bytes")
        radix = len(alphabet)
        if not 2 <= radix <= 2**16 or len(set(alphabet)) != radix:
            raise ConfigurationError("FF1 alphabet must have 2 to 65536 distinct characters")
        self.alphabet = alphabet
        self.radix = radix
        self._index = {character: numeral for numeral, character in enumerate(alphabet)}
        self._ecb = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
        min_length = 2
        while radix**min_length < _MIN_DOMAIN:
            min_length += 1
        self.min_length = min_length

    def encrypt(self, text: str, tweak: bytes = b"") -> str:
        """FF1.Encrypt(K, T, X): `text` written in the alphabet, same length and alphabet out."""
        return self._run(text, tweak, decrypt=False)

    def decrypt(self, text: str, tweak: bytes = b"") -> str:
        """FF1.Decrypt(K, T, Y): the inverse of `encrypt` under the same key and tweak."""
        return self._run(text, tweak, decrypt=True)

    def _run(self, text: str, tweak: bytes, *, decrypt: bool) -> str:
        n = len(text)
        if not self.min_length <= n <= _MAX_LENGTH:
            raise InputError(
                f"FF1 over radix {self.radix} needs {self.min_length} or more characters, got {n}"
            )
        radix = self.radix
        u = n // 2  # step 1
        v = n - u
        a = self._num(text[:u])  # step 2, kept as NUM_radix(A) and NUM_radix(B)
        b_value = self._num(text[u:])
        # Step 3: b = ceil(ceil(v * log2(radix)) / 8); ceil(log2(radix**v)) is exact in integers.
        b = ((radix**v - 1).bit_length() + 7) // 8
        d = 4 * ((b + 3) // 4) + 4  # step 4
        t = len(tweak)
        p = (  # step 5
            bytes((1, 2, 1))
            + radix.to_bytes(3, "big")
            + bytes((10, u % 256))
            + n.to_bytes(4, "big")
            + t.to_bytes(4, "big")
        )
        # PRF(P || Q) is CBC-MAC; P is one block, so its encryption is the chaining value for every Q.
        after_p = int.from_bytes(self._ecb.update(p), "big")
        q_head = tweak + bytes((-t - b - 1) % 16)
        modulus_u = radix**u
        modulus_v = radix**v
        rounds = range(_ROUNDS - 1, -1, -1) if decrypt else range(_ROUNDS)
        for i in rounds:  # step 6
            # 6.i: Q = T || [0]^((-t-b-1) mod 16) || [i]^1 || [NUM_radix(B)]^b  (A when decrypting)
            q = q_head + bytes((i,)) + (a if decrypt else b_value).to_bytes(b, "big")
            y = self._round_value(after_p, q, d)  # 6.ii-6.iv
            modulus = modulus_u if i % 2 == 0 else modulus_v  # 6.v: m = u for even i, else v
            if decrypt:
                # Decrypt 6.vi-6.viii: c = (NUM(B) - y) mod radix**m; B = A; A = C.
                a, b_value = (b_value - y) % modulus, a
            else:
                # Encrypt 6.vi-6.viii: c = (NUM(A) + y) mod radix**m; A = B; B = C.
                a, b_value = b_value, (a + y) % modulus
        return self._str(a, u) + self._str(b_value, v)  # step 7

    def _round_value(self, chain: int, q: bytes, d: int) -> int:
        """y = NUM(S), S the first d bytes of R || CIPH(R xor [1]^16) || CIPH(R xor [2]^16) || ..."""
        ecb = self._ecb
        for offset in range(0, len(q), _BLOCK):  # 6.ii: R = PRF(P || Q), CBC-MAC continued over Q
            block = int.from_bytes(q[offset : offset + _BLOCK], "big")
            chain = int.from_bytes(ecb.update((chain ^ block).to_bytes(_BLOCK, "big")), "big")
        r = chain.to_bytes(_BLOCK, "big")
        extra_blocks = (d + _BLOCK - 1) // _BLOCK - 1
        if extra_blocks:  # 6.iii
            r += ecb.update(b"".join((chain ^ j).to_bytes(_BLOCK, "big") for j in range(1, extra_blocks + 1)))
        return int.from_bytes(r[:d], "big")  # 6.iv

    def _num(self, numerals: str) -> int:
        """NUM_radix(X): the number the numeral string represents, most significant first."""
        if self.radix == 10 and numerals.isascii() and numerals.isdigit():
            return int(numerals) if numerals else 0
        index = self._index
        value = 0
        try:
            for character in numerals:
                value = value * self.radix + index[character]
        except KeyError:
            raise InputError("FF1 input holds a character outside the alphabet") from None
        return value

    def _str(self, value: int, length: int) -> str:
        """STR^m_radix(x): `value` as exactly `length` numerals."""
        if self.radix == 10 and self.alphabet == DIGITS:
            return str(value).zfill(length)
        out = []
        alphabet = self.alphabet
        for _ in range(length):
            value, numeral = divmod(value, self.radix)
            out.append(alphabet[numeral])
        return "".join(reversed(out))
