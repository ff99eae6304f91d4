# The shape of the backends.vcl that scripts/cluster/ writes next to the running edge.
backend origin1 { .host = "127.0.0.1"; .port = "3001"; .probe = origin_health; .connect_timeout = 1s; .first_byte_timeout = 30s; }
backend origin2 { .host = "127.0.0.1"; .port = "3002"; .probe = origin_health; .connect_timeout = 1s; .first_byte_timeout = 30s; }

acl purgers {
    "127.0.0.1";
}

sub vcl_init {
    new origins = directors.shard();
    origins.add_backend(origin1);
    origins.add_backend(origin2);
    origins.reconfigure();
}
