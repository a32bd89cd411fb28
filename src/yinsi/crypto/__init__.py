"""Cryptographic building blocks of de-identification: master keys, FF1 format-preserving encryption, the vault."""
