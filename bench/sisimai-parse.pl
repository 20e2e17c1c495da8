#!/usr/bin/perl
# Reference run: Sisimai (Debian libsisimai-perl) over the given directory, one line per result.
use strict; use warnings;
use Sisimai;
my $n = 0;
for my $dir (@ARGV) {
    my $v = Sisimai->make($dir, 'delivered' => 1) || [];
    for my $e (@$v) { $n++; print join("\t", $e->recipient->address, $e->reason, $e->deliverystatus), "\n"; }
}
print STDERR "sisimai results: $n\n";
