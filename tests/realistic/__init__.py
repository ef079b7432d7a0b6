"""Realistic multi-document test corpus (fictional French administrative documents)."""
