"""Index shapes that Django's Index cannot express on every database the portal runs on."""

import copy

from django.db import models
from django.db.models.expressions import OrderBy


class OrderIndex(models.Index):
    """An index in the order a page reads rows in, NULLS FIRST/LAST included. SQLite (the embedded default) refuses
    NULLS FIRST/LAST in an index; it sorts NULLs as the smallest value anyway, so there the index leaves them out."""

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "sqlite":
            return super().create_sql(model, schema_editor, using=using, **kwargs)
        plain = copy.copy(self)
        plain.expressions = tuple(
            OrderBy(expression.expression, descending=expression.descending)
            if isinstance(expression, OrderBy)
            else expression
            for expression in self.expressions
        )
        return models.Index.create_sql(plain, model, schema_editor, using=using, **kwargs)
