"""Cryptographic building blocks of de-identification: master keys, FF1 encryption, the vault."""
