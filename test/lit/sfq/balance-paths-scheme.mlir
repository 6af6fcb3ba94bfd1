// RUN: snc-opt %s -pass-pipeline='builtin.module(sfq.circuit(sfq-balance-paths{scheme=pbmap}))' -verify-diagnostics

// expected-error @+1 {{sfq-balance-paths: unknown scheme 'pbmap' (expected full or retime)}}
sfq.circuit @c target "sfq-rsfq" {
  %x = sfq.dcsfq "x_0" {input = 0 : i64, element = 0 : i64}
  sfq.sfqdc %x "out_0" {output = 0 : i64, element = 0 : i64}
}
