# SPDX-License-Identifier: GPL-3.0-or-later
"""Reaching every affected customer personally (issue 15): the customer list and its columns.

`read_customers_file`, `read_customers` (bytes) and `read_customers_text` (a paste) give a
`CustomerList`: its customers, each problem with its line, and how the list was read.
`map_columns` maps a template's fields onto the list's columns.
"""

from composer.core.outreach.columns import ColumnError, language_code, map_columns, role_of
from composer.core.outreach.customers import (
    MAX_BYTES,
    MAX_COLUMNS,
    MAX_ROWS,
    Customer,
    CustomerList,
    CustomerListError,
    Problem,
    read_customers,
    read_customers_file,
    read_customers_text,
)

__all__ = [
    "MAX_BYTES",
    "MAX_COLUMNS",
    "MAX_ROWS",
    "ColumnError",
    "Customer",
    "CustomerList",
    "CustomerListError",
    "Problem",
    "language_code",
    "map_columns",
    "read_customers",
    "read_customers_file",
    "read_customers_text",
    "role_of",
]
