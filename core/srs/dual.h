#pragma once
// Forward-mode dual numbers: a value and its partial derivatives by each FSRS parameter, so one
// pass through the FSRS formulas gives the loss and its gradient.
#include <array>
#include <cstddef>
#include <cmath>

#include "core/srs/fsrs.h"

namespace pyprep::optimizer::detail {

inline constexpr std::size_t kN = fsrs::kParameterCount;

struct Dual {
  double v = 0.0;
  std::array<double, kN> d{};
  Dual() = default;
  Dual(double value) : v(value) {}  // a constant (implicit: the formulas mix in plain numbers)
};

inline double primal(const Dual& x) { return x.v; }

inline Dual operator+(const Dual& a, const Dual& b) {
  Dual r(a.v + b.v);
  for (std::size_t i = 0; i < kN; ++i) r.d[i] = a.d[i] + b.d[i];
  return r;
}
inline Dual operator+(const Dual& a, double b) {
  Dual r = a;
  r.v += b;
  return r;
}
inline Dual operator+(double a, const Dual& b) { return b + a; }
inline Dual operator-(const Dual& a) {
  Dual r(-a.v);
  for (std::size_t i = 0; i < kN; ++i) r.d[i] = -a.d[i];
  return r;
}
inline Dual operator-(const Dual& a, const Dual& b) {
  Dual r(a.v - b.v);
  for (std::size_t i = 0; i < kN; ++i) r.d[i] = a.d[i] - b.d[i];
  return r;
}
inline Dual operator-(const Dual& a, double b) {
  Dual r = a;
  r.v -= b;
  return r;
}
inline Dual operator-(double a, const Dual& b) {
  Dual r(a - b.v);
  for (std::size_t i = 0; i < kN; ++i) r.d[i] = -b.d[i];
  return r;
}
inline Dual operator*(const Dual& a, const Dual& b) {
  Dual r(a.v * b.v);
  for (std::size_t i = 0; i < kN; ++i) r.d[i] = a.d[i] * b.v + b.d[i] * a.v;
  return r;
}
inline Dual operator*(const Dual& a, double b) {
  Dual r(a.v * b);
  for (std::size_t i = 0; i < kN; ++i) r.d[i] = a.d[i] * b;
  return r;
}
inline Dual operator*(double a, const Dual& b) { return b * a; }
inline Dual operator/(const Dual& a, const Dual& b) {
  Dual r(a.v / b.v);
  for (std::size_t i = 0; i < kN; ++i) r.d[i] = (a.d[i] - r.v * b.d[i]) / b.v;
  return r;
}
inline Dual operator/(const Dual& a, double b) {
  Dual r(a.v / b);
  for (std::size_t i = 0; i < kN; ++i) r.d[i] = a.d[i] / b;
  return r;
}
inline Dual operator/(double a, const Dual& b) {
  Dual r(a / b.v);
  const double k = -r.v / b.v;
  for (std::size_t i = 0; i < kN; ++i) r.d[i] = k * b.d[i];
  return r;
}
inline Dual scaled(const Dual& a, double value, double k) {  // value with derivative k·a'
  Dual r(value);
  for (std::size_t i = 0; i < kN; ++i) r.d[i] = k * a.d[i];
  return r;
}
inline Dual exp(const Dual& a) {
  const double e = std::exp(a.v);
  return scaled(a, e, e);
}
inline Dual log(const Dual& a) { return scaled(a, std::log(a.v), 1.0 / a.v); }
inline Dual pow(double a, const Dual& b) {
  const double p = std::pow(a, b.v);
  return scaled(b, p, p * std::log(a));
}
inline Dual pow(const Dual& a, const Dual& b) {
  Dual r(std::pow(a.v, b.v));
  const double ka = b.v * std::pow(a.v, b.v - 1.0);
  const double kb = r.v * std::log(a.v);
  for (std::size_t i = 0; i < kN; ++i) r.d[i] = ka * a.d[i] + kb * b.d[i];
  return r;
}

}  // namespace pyprep::optimizer::detail
