"""The web layer's shared machinery: the request pipeline."""
