"""wbpctl: the training and reintegration ledger of Lapas Kelas IIB Kuala Tungkal."""

__version__ = "0.1.0"
