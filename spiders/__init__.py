"""Site spiders (one file per site or site family) and the generic spiders."""
